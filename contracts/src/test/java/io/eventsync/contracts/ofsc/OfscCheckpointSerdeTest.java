package io.eventsync.contracts.ofsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class OfscCheckpointSerdeTest {

    private final OfscCheckpointSerde serde = new OfscCheckpointSerde();

    @Test
    void aCheckpointSurvivesTheTopic() {
        OfscCheckpoint checkpoint = OfscCheckpoint.of("sub-1", "field-activities", "acme.fs.ocs.oraclecloud.com", "180404-706,1", "2018-04-04 21:10:33",
                List.of("abc", "def"), 1234, Instant.parse("2026-11-25T09:00:00Z"));
        byte[] bytes = serde.serializer().serialize("ofsc.checkpoints", checkpoint);

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\"schema\":\"eventsync.ofsc-checkpoint/v1\"", "\"next_page\":\"180404-706,1\"");
        assertThat(serde.deserializer().deserialize("ofsc.checkpoints", bytes)).isEqualTo(checkpoint);
    }

    @Test
    void aTombstoneStaysNullAndGarbageIsASerializationError() {
        assertThat(serde.deserializer().deserialize("ofsc.checkpoints", null)).isNull();
        assertThatThrownBy(() -> serde.deserializer().deserialize("ofsc.checkpoints",
                "{\"next_page\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("ofsc.checkpoints",
                "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }
}
