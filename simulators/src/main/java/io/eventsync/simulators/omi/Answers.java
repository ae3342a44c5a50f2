package io.eventsync.simulators.omi;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a connected server answered, the way OMi needs it: the items of a bulk answer (to be
 * matched by {@code sequence_number}), the document of a single answer, and for refusals the
 * problem's {@code type} and {@code detail} when the body is an RFC 9457 problem (OMi only logs it;
 * the simulator counts by it).
 */
final class Answers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Answers() {
    }

    /** The items of a list answer, or empty when the body is no readable list. */
    static Optional<List<OprNode>> items(TargetClient.Answer answer, String listRoot, String itemName) {
        return document(answer, listRoot, itemName).map(root -> root.name().equals(itemName) && !isList(root, itemName)
                ? List.of(root) : root.children(itemName));
    }

    /** The document of a single answer, or empty when the body is none. */
    static Optional<OprNode> single(TargetClient.Answer answer, String root) {
        return document(answer, root, null);
    }

    private static boolean isList(OprNode root, String itemName) {
        return !root.children(itemName).isEmpty();
    }

    private static Optional<OprNode> document(TargetClient.Answer answer, String root, String itemName) {
        if (answer.body().length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(answer.isXml() ? OprXml.read(answer.body())
                    : OprJson.read(answer.body(), root, itemName));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code type} of a problem body, or the empty string. */
    static String problemType(TargetClient.Answer answer) {
        return problemMember(answer, "type");
    }

    /** {@code detail} of a problem body, or the first 200 characters of whatever the body was. */
    static String problemDetail(TargetClient.Answer answer) {
        String detail = problemMember(answer, "detail");
        if (!detail.isEmpty()) {
            return detail;
        }
        String text = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static String problemMember(TargetClient.Answer answer, String member) {
        if (answer.body().length == 0) {
            return "";
        }
        try {
            if (answer.isXml()) {
                return OprXml.read(answer.body()).textOf(member).orElse("");
            }
            JsonNode tree = JSON.readTree(answer.body());
            return tree.path(member).asString("");
        } catch (RuntimeException e) {
            return "";
        }
    }
}
