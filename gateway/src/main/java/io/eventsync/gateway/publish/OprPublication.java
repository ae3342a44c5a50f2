package io.eventsync.gateway.publish;

import io.eventsync.contracts.topic.OprRecord;
import java.util.ArrayList;
import java.util.List;
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
            outgoing.add(new OutgoingRecord(topic, record.omiEventId(), values.serialize(topic, record),
                    EnvelopeHeaders.of(OprRecord.SCHEMA, record.kind().wireName(), "omi", record.connectedServer(),
                            record.externalId(), record.receivedAt(), traceparent)));
        }
        return publisher.publish(outgoing);
    }
}
