package io.eventsync.gateway.syncback;

import io.eventsync.contracts.opr.codec.OprPayloadException;
import io.eventsync.contracts.opr.codec.OprPayloadException.Reason;
import io.eventsync.contracts.syncback.SyncBackChange;
import io.eventsync.gateway.problem.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code POST /sync-back} body: one change object, or an array of them (bulk), checking
 * every item, so that a fault anywhere can refuse all of it with every fault listed
 * ({@code /3/changes/state} in a bulk, {@code /changes/state} for one change).
 */
final class SyncBackReader {

    /**
     * The changes as read, each with the pointer to it in the body ({@code ""} or {@code /3});
     * when {@code violations} has any, the changes at fault are {@code null} and none may be published.
     */
    record Changes(List<SyncBackChange> changes, List<String> pointers, boolean bulk, Violations violations) {
    }

    private final JsonMapper json;
    private final SyncBackValidation validation;
    private final int maxBulkItems;

    SyncBackReader(JsonMapper json, SyncBackValidation validation, int maxBulkItems) {
        this.json = json;
        this.validation = validation;
        this.maxBulkItems = maxBulkItems;
    }

    /**
     * @throws ApiProblem (or {@link OprPayloadException}, mapped alike) when the body is not a change
     *     or a list of them at all
     */
    Changes read(byte[] body) {
        JsonNode tree = parse(body);
        boolean bulk = tree.isArray();
        if (!bulk && !tree.isObject()) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "wrong-document", "This endpoint takes another document",
                    "POST /sync-back takes a sync-back change object or an array of them");
        }
        if (bulk && tree.size() > maxBulkItems) {
            throw ApiProblem.tooManyItems(tree.size(), "changes", maxBulkItems);
        }
        List<JsonNode> items = new ArrayList<>();
        if (bulk) {
            tree.forEach(items::add);
        } else {
            items.add(tree);
        }
        Violations violations = new Violations();
        List<SyncBackChange> changes = new ArrayList<>(items.size());
        List<String> pointers = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String pointer = bulk ? "/" + i : "";
            changes.add(validation.change(items.get(i), pointer, violations));
            pointers.add(pointer);
        }
        return new Changes(changes, pointers, bulk, violations);
    }

    /** Strict JSON (duplicate keys refused, bounded depth and lengths) through the OPR codec's mapper. */
    private JsonNode parse(byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new OprPayloadException(Reason.LIMIT_EXCEEDED, "", e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new OprPayloadException(Reason.MALFORMED, "", "malformed JSON: " + firstLine(e.getOriginalMessage()),
                    e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new OprPayloadException(Reason.MALFORMED, "", "the body is empty");
        }
        return tree;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
