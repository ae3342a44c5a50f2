package io.eventsync.contracts.topic;

import io.eventsync.contracts.opr.codec.OprCodec;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Kafka serde of {@link OprRecord} values (JSON, UTF-8). */
public final class OprRecordSerde implements Serde<OprRecord> {

    private final JsonMapper json;

    public OprRecordSerde() {
        this(OprCodec.withDefaults());
    }

    public OprRecordSerde(OprCodec codec) {
        this.json = codec.jsonMapper();
    }

    @Override
    public Serializer<OprRecord> serializer() {
        return (topic, data) -> data == null ? null : json.writeValueAsBytes(data);
    }

    @Override
    public Deserializer<OprRecord> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return json.readValue(data, OprRecord.class);
            } catch (JacksonException e) {
                throw new SerializationException("not an " + OprRecord.SCHEMA + " value on " + topic, e);
            }
        };
    }
}
