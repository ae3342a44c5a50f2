package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.simulators.omi.OmiChange;
import io.eventsync.simulators.omi.OprJson;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.OprXml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** OPR documents for the tests to send, and answers read back, as the OMi model's element trees. */
final class OmiSamples {

    private OmiSamples() {
    }

    /** An event as OMi forwards it, titled after its id, of major severity. */
    static OprNode event(String omiId) {
        return OprNode.branch("event", OprNode.leaf("id", omiId), OprNode.leaf("title", "event " + omiId),
                OprNode.leaf("severity", "major"));
    }

    /** An event carrying some fields, as a connected server puts it or lists it in an event_list. */
    static OprNode eventWith(String omiId, Long sequenceNumber, String title, String severity) {
        List<OprNode> parts = new ArrayList<>(List.of(OprNode.leaf("id", omiId)));
        if (sequenceNumber != null) {
            parts.add(OprNode.leaf("sequence_number", Long.toString(sequenceNumber)));
        }
        if (title != null) {
            parts.add(OprNode.leaf("title", title));
        }
        if (severity != null) {
            parts.add(OprNode.leaf("severity", severity));
        }
        return OprNode.branch("event", parts);
    }

    static OprNode set(String property, String value) {
        return OmiChange.scalar(property, value, null);
    }

    static OprNode customAttribute(String operation, String name, String value) {
        return OmiChange.listEntry("custom_attribute", operation, OprNode.branch("custom_attribute",
                OprNode.leaf("name", name), OprNode.leaf("value", value)));
    }

    /** A change without event_ref, as posted to {@code event_change/<id>}. */
    static OprNode change(String changeId, OprNode... properties) {
        return OprNode.branch("event_change", OprNode.leaf("id", changeId),
                OprNode.branch("changed_properties", properties));
    }

    /** A bulk item naming its event by {@code target_id}, as a connected server syncs back. */
    static OprNode changeOf(String omiId, long sequenceNumber, OprNode... properties) {
        return OprNode.branch("event_change", OprNode.leaf("id", "change-" + sequenceNumber),
                OprNode.leaf("sequence_number", Long.toString(sequenceNumber)),
                OprNode.branch("event_ref", OprNode.leaf("target_id", omiId)),
                OprNode.branch("changed_properties", properties));
    }

    static OprNode list(String name, OprNode... items) {
        return OprNode.branch(name, items);
    }

    static String write(OprNode document, OprFormat format) {
        byte[] bytes = format == OprFormat.XML ? OprXml.write(document)
                : OprJson.write(document, OprJson.Shape.BARE,
                        document.name().endsWith("_list") ? document.name().replace("_list", "") : null);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** An answer as a document: {@code single} ({@code event}), or its list when it is one. */
    static OprNode read(SyncClient.Reply reply, OprFormat format, String single) {
        return read(reply.body(), format, single);
    }

    static OprNode read(String body, OprFormat format, String single) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (format == OprFormat.XML) {
            return OprXml.read(bytes);
        }
        String trimmed = body.trim();
        boolean list = trimmed.startsWith("[") || trimmed.startsWith("{\"" + single + "_list\"")
                || trimmed.startsWith("{\"" + single + "\":[");
        return list ? OprJson.read(bytes, single + "_list", single) : OprJson.read(bytes, single, null);
    }

    /** A child's text, or null. */
    static String text(OprNode node, String child) {
        return node.textOf(child).orElse(null);
    }
}
