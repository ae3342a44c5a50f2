package io.eventsync.contracts.syncback;

import io.eventsync.contracts.opr.codec.OprCodec;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Kafka serde of {@link SyncBackChange} values (JSON, UTF-8); unknown fields are ignored. */
public final class SyncBackSerde implements Serde<SyncBackChange> {

    private final JsonMapper json;

    public SyncBackSerde() {
        this(OprCodec.withDefaults());
    }

    public SyncBackSerde(OprCodec codec) {
        this.json = codec.jsonMapper();
    }

    public byte[] write(SyncBackChange change) {
        return json.writeValueAsBytes(change);
    }

    /** @throws SerializationException when the bytes are not a sync-back change */
    public SyncBackChange read(byte[] value) {
        try {
            SyncBackChange change = json.readValue(value, SyncBackChange.class);
            if (change == null || change.externalId() == null || change.externalId().isBlank()) {
                throw new SerializationException("not an " + SyncBackChange.SCHEMA + " value: no external_id");
            }
            return change;
        } catch (JacksonException e) {
            throw new SerializationException("not an " + SyncBackChange.SCHEMA + " value: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Serializer<SyncBackChange> serializer() {
        return (topic, data) -> data == null ? null : write(data);
    }

    @Override
    public Deserializer<SyncBackChange> deserializer() {
        return (topic, data) -> data == null ? null : read(data);
    }
}
