package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.sandbox.receiver.OprWire;
import io.eventsync.simulators.omi.OprJson;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.OprXml;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OPR documents in and out of the web service, read and written by the OMi model's own XML and JSON code
 * (the simulators module), never by eventsync's codec: OMi's side is judged, not shared. A body's format is
 * its Content-Type's, any parameter ignored (OMi sends collections as {@code application/xml;type=collection}),
 * sniffed when there is none; an answer is in the first format Accept names, else in the request's.
 */
final class SyncWire {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    OprFormat requestFormat(SyncRequest request) {
        OprFormat format = OprWire.bodyFormat(request.contentType(), request.body());
        if (format == null) {
            throw SyncProblem.of(415, "The content type " + request.contentType() + " is neither XML nor JSON");
        }
        return format;
    }

    /**
     * One document ({@code single}, such as {@code event}) or a list ({@code single + "_list"}) as sent; a 400
     * when it is neither, or not well-formed.
     */
    OprNode read(SyncRequest request, OprFormat format, String single) {
        String list = single + "_list";
        byte[] body = request.body();
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw SyncProblem.badRequest("The " + format + " payload cannot be accepted: the body is empty");
        }
        try {
            OprNode document = format == OprFormat.XML ? OprXml.read(body)
                    : jsonIsList(body, single, list) ? OprJson.read(body, list, single) : OprJson.read(body, single, null);
            if (!document.name().equals(single) && !document.name().equals(list)) {
                throw SyncProblem.badRequest("Expected <" + single + "> or <" + list + ">, found <" + document.name()
                        + ">");
            }
            return document;
        } catch (IllegalArgumentException e) {
            throw SyncProblem.badRequest("The " + format + " payload cannot be accepted: " + e.getMessage());
        }
    }

    /** The items of what {@link #read} gave: the list's, or the one document as a list of one. */
    static List<OprNode> items(OprNode document, String single) {
        return document.name().equals(single) ? List.of(document) : document.children(single);
    }

    /** A JSON list: a bare array, the list's name, or the item name holding an array. */
    private static boolean jsonIsList(byte[] body, String single, String list) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isArray()) {
            return tree != null;
        }
        return tree.isObject() && tree.size() == 1 && (tree.has(list) || tree.path(single).isArray());
    }

    SyncAnswer answer(OprNode document, SyncRequest request, OprFormat requestFormat) {
        OprFormat accepted = OprWire.accepted(request.header("Accept"));
        OprFormat format = accepted == null ? requestFormat : accepted;
        byte[] body = format == OprFormat.XML ? OprXml.write(document)
                : OprJson.write(document, OprJson.Shape.BARE,
                        document.name().endsWith("_list") ? document.name().replace("_list", "") : null);
        return new SyncAnswer(200, body, format.mediaType(), Map.of());
    }
}
