package io.eventsync.bench;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.topic.ExternalIds;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.OprRecordKind;
import io.eventsync.contracts.topic.OprRecordSerde;
import io.eventsync.contracts.topic.RecordHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@code opr.events} records as the gateway publishes them (schema {@value OprRecord#SCHEMA}, its
 * headers), each an OMi event whose description is padded so the value is
 * {@link BenchOptions#RECORD_SIZE} bytes.
 */
final class EgressRecords {

    static final String CONNECTED_SERVER = "omi";

    private final EgressEventIds ids;
    private final String topic;
    private final Serializer<OprRecord> values = new OprRecordSerde().serializer();
    private final Instant receivedAt = Instant.parse("2026-12-01T10:00:00.500Z");
    private final String padding;

    EgressRecords(EgressEventIds ids, String topic) {
        this.ids = ids;
        this.topic = topic;
        int bare = value(0, "").length;
        this.padding = "x".repeat(Math.max(0, BenchOptions.RECORD_SIZE - bare));
    }

    ProducerRecord<String, byte[]> record(int sequence) {
        String id = ids.id(sequence);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, ids.partitionOf(sequence), id,
                value(sequence, padding));
        header(record, RecordHeaderNames.CONTENT_TYPE, "application/json");
        header(record, RecordHeaderNames.SCHEMA, OprRecord.SCHEMA);
        header(record, RecordHeaderNames.KIND, OprRecordKind.EVENT.wireName());
        header(record, RecordHeaderNames.SOURCE, "omi");
        header(record, RecordHeaderNames.CONNECTED_SERVER, CONNECTED_SERVER);
        header(record, RecordHeaderNames.EXTERNAL_ID, ExternalIds.of(CONNECTED_SERVER, id));
        header(record, RecordHeaderNames.RECEIVED_AT, receivedAt.toString());
        return record;
    }

    private byte[] value(int sequence, String description) {
        OprEvent event = event(ids.id(sequence), sequence, description);
        return values.serialize(topic, OprRecord.ofEvent(CONNECTED_SERVER,
                ExternalIds.of(CONNECTED_SERVER, event.id()), receivedAt, event));
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The same realistic shape as the gateway scenario's bulk events. */
    private static OprEvent event(String id, int n, String description) {
        return BulkPayloads.realistic(id, n, null, "CPU utilisation above threshold on app" + (n % 50)
                + ".prod.example.com", State.OPEN, description);
    }
}
