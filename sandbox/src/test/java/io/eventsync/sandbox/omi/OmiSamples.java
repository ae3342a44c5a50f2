package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.ChangeOperation;
import io.eventsync.contracts.opr.ChangedProperties;
import io.eventsync.contracts.opr.EventRef;
import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.PropertyChange;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** OPR documents for the tests to send, and answers read back, through the contracts codec. */
final class OmiSamples {

    static final OprCodec CODEC = OprCodec.withDefaults();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OmiSamples() {
    }

    /** An open, major event as OMi forwards it, titled after its id. */
    static OprEvent event(String omiId) {
        return OprEvent.of(omiId, "event " + omiId, Severity.MAJOR);
    }

    static PropertyChange set(String property, String value) {
        return new PropertyChange(PropertyChange.elementFor(property), property, NODES.stringNode(value), null, null);
    }

    static PropertyChange customAttribute(ChangeOperation operation, String name, String value) {
        JsonNode attribute = NODES.objectNode().put("name", name).put("value", value);
        return new PropertyChange(PropertyChange.elementFor("custom_attribute"), "custom_attribute", attribute, null,
                operation);
    }

    /** A change without event_ref, as posted to {@code event_change/<id>}. */
    static OprEventChange change(String changeId, PropertyChange... properties) {
        return new OprEventChange(changeId, null, null, new ChangedProperties(List.of(properties)), Map.of());
    }

    /** A bulk item naming its event by {@code target_id}, as a connected server syncs back. */
    static OprEventChange changeOf(String omiId, long sequenceNumber, PropertyChange... properties) {
        return new OprEventChange("change-" + sequenceNumber, sequenceNumber, new EventRef(null, null, omiId, null),
                new ChangedProperties(List.of(properties)), Map.of());
    }

    static String write(OprDocument document, OprFormat format) {
        return CODEC.writeString(document, format);
    }

    static OprDocument read(SyncClient.Reply reply, OprFormat format, OprCodec.Expect expect) {
        return read(reply.body(), format, expect);
    }

    static OprDocument read(String body, OprFormat format, OprCodec.Expect expect) {
        return CODEC.read(body.getBytes(StandardCharsets.UTF_8), format, expect);
    }
}
