package io.eventsync.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.contracts.opr.ChangedProperties;
import io.eventsync.contracts.opr.EventRef;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.PropertyChange;
import io.eventsync.contracts.opr.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.StringNode;

class OprRecordSerdeTest {

    private final OprRecordSerde serde = new OprRecordSerde();

    @Test
    void recordValueIsDocumentedJsonAndReadsBack() {
        OprRecord record = OprRecord.ofEvent("omi", ExternalIds.of("omi", "e-1"),
                Instant.parse("2026-11-25T10:00:00Z"), OprEvent.of("e-1", "Disk full", Severity.MAJOR));

        byte[] bytes = serde.serializer().serialize("opr.events", record);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"schema\":\"eventsync.opr-record/v2\",\"kind\":\"event\",\"connected_server\":\"omi\","
                        + "\"omi_event_id\":\"e-1\",\"external_id\":\"" + ExternalIds.of("omi", "e-1") + "\","
                        + "\"received_at\":\"2026-11-25T10:00:00Z\","
                        + "\"event\":{\"id\":\"e-1\",\"title\":\"Disk full\",\"severity\":\"major\"}}");
        assertThat(serde.deserializer().deserialize("opr.events", bytes)).isEqualTo(record);
    }

    @Test
    void aChangeRecordCarriesTheEventAfterTheChangeAndAV1ChangeRecordStillReads() {
        OprEventChange change = new OprEventChange("c-1", null, new EventRef(null, null, "e-1", null),
                new ChangedProperties(List.of(new PropertyChange("severity_property_change", "severity",
                        StringNode.valueOf("critical"), StringNode.valueOf("major"), null))), null);
        OprRecord record = OprRecord.ofChange("omi", "e-1", ExternalIds.of("omi", "e-1"),
                Instant.parse("2026-11-25T10:01:00Z"), change, OprEvent.of("e-1", "Disk full", Severity.CRITICAL));

        byte[] bytes = serde.serializer().serialize("opr.events", record);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"schema\":\"eventsync.opr-record/v2\",\"kind\":\"event_change\",\"connected_server\":\"omi\","
                        + "\"omi_event_id\":\"e-1\",\"external_id\":\"" + ExternalIds.of("omi", "e-1") + "\","
                        + "\"received_at\":\"2026-11-25T10:01:00Z\","
                        + "\"event\":{\"id\":\"e-1\",\"title\":\"Disk full\",\"severity\":\"critical\"},"
                        + "\"event_change\":{\"id\":\"c-1\",\"event_ref\":{\"target_id\":\"e-1\"},"
                        + "\"changed_properties\":{\"severity_property_change\":{\"property_name\":\"severity\","
                        + "\"current_value\":\"critical\",\"previous_value\":\"major\"}}}}");
        assertThat(serde.deserializer().deserialize("opr.events", bytes)).isEqualTo(record);

        String v1 = new String(bytes, StandardCharsets.UTF_8).replace("opr-record/v2", "opr-record/v1")
                .replaceFirst("\"event\":\\{[^}]*\\},", "");
        OprRecord old = serde.deserializer().deserialize("opr.events", v1.getBytes(StandardCharsets.UTF_8));
        assertThat(old.schema()).isEqualTo(OprRecord.SCHEMA_V1);
        assertThat(old.event()).isNull();
        assertThat(old.eventChange()).isEqualTo(change);
    }

    @Test
    void garbageIsASerializationErrorNotACrash() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("opr.events", "nope".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void externalIdIsStablePerConnectedServerAndEvent() {
        assertThat(ExternalIds.of("omi", "e-1")).isEqualTo(ExternalIds.of("omi", "e-1"));
        assertThat(ExternalIds.of("omi", "e-1")).isNotEqualTo(ExternalIds.of("omi2", "e-1"));
        assertThat(ExternalIds.of("a", "b\u0000c")).isNotEqualTo(ExternalIds.of("a\u0000b", "c"));
    }
}
