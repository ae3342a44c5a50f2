package io.eventsync.contracts.ofsc;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Kafka serde of {@link OfscCheckpoint} values (JSON, UTF-8); a null value is a tombstone. */
public final class OfscCheckpointSerde implements Serde<OfscCheckpoint> {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public Serializer<OfscCheckpoint> serializer() {
        return (topic, data) -> data == null ? null : json.writeValueAsBytes(data);
    }

    @Override
    public Deserializer<OfscCheckpoint> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return json.readValue(data, OfscCheckpoint.class);
            } catch (JacksonException | NullPointerException e) {
                throw new SerializationException("not an " + OfscCheckpoint.SCHEMA + " value on " + topic, e);
            }
        };
    }
}
