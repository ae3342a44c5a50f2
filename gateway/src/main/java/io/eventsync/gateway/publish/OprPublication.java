package io.eventsync.gateway.publish;

import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.RecordHeaderNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import reactor.core.publisher.Mono;

/**
 * Puts OPR records on {@code opr.events} with the contract's key and headers, within the in-flight
 * bound and the publish deadline, and reports per item whether Kafka acknowledged it.
 */
public final class OprPublication {

    private final BoundedPublisher publisher;
    private final String topic;
    private final Serializer<OprRecord> values;

    OprPublication(BoundedPublisher publisher, String topic, Serializer<OprRecord> values) {
        this.publisher = publisher;
        this.topic = topic;
        this.values = values;
    }

    /**
     * Publishes the records; the answer lists, in order, each record's acknowledgement or
     * {@code null}. Fails with {@link OverloadedException} before sending anything when too many
     * items already wait for Kafka.
     */
    public Mono<List<Acknowledgement>> publish(List<OprRecord> records, String traceparent) {
        List<OutgoingRecord> outgoing = new ArrayList<>(records.size());
        for (OprRecord record : records) {
            Map<String, String> headers = EnvelopeHeaders.of(OprRecord.SCHEMA, record.kind().wireName(), "omi",
                    record.connectedServer(), record.externalId(), record.receivedAt(), traceparent);
            if (record.event() != null && record.event().state() != null) {
                // The read model forgets closed events first, and would otherwise have to parse every record to know.
                headers.put(RecordHeaderNames.OPR_STATE, record.event().state().wireName());
            }
            outgoing.add(new OutgoingRecord(topic, record.omiEventId(), values.serialize(topic, record), headers));
        }
        return publisher.publish(outgoing);
    }
}
