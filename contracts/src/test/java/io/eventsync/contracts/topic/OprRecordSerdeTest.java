package io.eventsync.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class OprRecordSerdeTest {

    private final OprRecordSerde serde = new OprRecordSerde();

    @Test
    void recordValueIsDocumentedJsonAndReadsBack() {
        OprRecord record = OprRecord.ofEvent("omi", ExternalIds.of("omi", "e-1"),
                Instant.parse("2026-11-25T10:00:00Z"), OprEvent.of("e-1", "Disk full", Severity.MAJOR));

        byte[] bytes = serde.serializer().serialize("opr.events", record);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"schema\":\"eventsync.opr-record/v1\",\"kind\":\"event\",\"connected_server\":\"omi\","
                        + "\"omi_event_id\":\"e-1\",\"external_id\":\"" + ExternalIds.of("omi", "e-1") + "\","
                        + "\"received_at\":\"2026-11-25T10:00:00Z\","
                        + "\"event\":{\"id\":\"e-1\",\"title\":\"Disk full\",\"severity\":\"major\"}}");
        assertThat(serde.deserializer().deserialize("opr.events", bytes)).isEqualTo(record);
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
