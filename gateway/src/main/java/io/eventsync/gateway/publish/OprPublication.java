package io.eventsync.gateway.publish;

import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.RecordHeaderNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import reactor.core.publisher.Mono;

/**
 * Puts OPR records on {@code opr.events} with the contract's key and headers, and the same value on the
 * compacted state topic under the event's external id (what the read model of every replica is built
 * from, decision 0013), within the in-flight bound and the publish deadline. An item counts as
 * acknowledged only when Kafka acknowledged both. Records are {@link #prepare prepared} first, so that a
 * request can be checked whole (every record Kafka would refuse for its size named) before anything of it
 * is sent.
 */
public final class OprPublication {

    /** Records serialized with their headers, ready to send: two per item, its event record then its state. */
    public static final class Prepared {
        private final List<OutgoingRecord> records;
        private final List<RecordTooLargeException> tooLarge;

        private Prepared(List<OutgoingRecord> records, List<RecordTooLargeException> tooLarge) {
            this.records = records;
            this.tooLarge = tooLarge;
        }

        int items() {
            return records.size() / 2;
        }

        /** Each record Kafka would refuse for its size, by its index in the request; empty when all fit. */
        public List<RecordTooLargeException> tooLarge() {
            return tooLarge;
        }
    }

    private final BoundedPublisher publisher;
    private final String topic;
    private final String stateTopic;
    private final Serializer<OprRecord> values;

    OprPublication(BoundedPublisher publisher, String topic, String stateTopic, Serializer<OprRecord> values) {
        this.publisher = publisher;
        this.topic = topic;
        this.stateTopic = stateTopic;
        this.values = values;
    }

    public Prepared prepare(List<OprRecord> records, String traceparent) {
        List<OutgoingRecord> outgoing = new ArrayList<>(records.size());
        List<RecordTooLargeException> tooLarge = new ArrayList<>();
        for (OprRecord record : records) {
            Map<String, String> headers = EnvelopeHeaders.of(OprRecord.SCHEMA, record.kind().wireName(), "omi",
                    record.connectedServer(), record.externalId(), record.receivedAt(), traceparent);
            if (record.event() != null && record.event().state() != null) {
                // The event's state as forwarded, or after the change: routing on it needs no parsing.
                headers.put(RecordHeaderNames.OPR_STATE, record.event().state().wireName());
            }
            byte[] value = values.serialize(topic, record);
            OutgoingRecord event = new OutgoingRecord(topic, record.omiEventId(), value, headers);
            OutgoingRecord state = new OutgoingRecord(stateTopic, record.externalId(), value, headers);
            OutgoingRecord larger = event.sizeUpperBound() >= state.sizeUpperBound() ? event : state;
            if (!publisher.fits(larger)) {
                tooLarge.add(publisher.tooLarge(outgoing.size() / 2, larger));
            }
            outgoing.add(event);
            outgoing.add(state);
        }
        return new Prepared(outgoing, tooLarge);
    }

    /**
     * Publishes the records; the answer lists, in order, each item's acknowledgement (of its
     * {@code opr.events} record) or {@code null} when Kafka did not acknowledge both its records. Fails
     * with {@link OverloadedException} before sending anything when too many records already wait for
     * Kafka, with {@link RecordTooLargeException} when one does not fit.
     */
    public Mono<List<Acknowledgement>> publish(Prepared prepared) {
        return publisher.publish(prepared.records).map(acks -> {
            List<Acknowledgement> items = new ArrayList<>(prepared.items());
            for (int i = 0; i < prepared.items(); i++) {
                Acknowledgement event = acks.get(2 * i);
                items.add(event != null && acks.get(2 * i + 1) != null ? event : null);
            }
            return items;
        });
    }
}
