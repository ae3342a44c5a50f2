package io.eventsync.gateway.publish;

import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.RecordHeaderNames;
import io.eventsync.gateway.metrics.GatewayMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Puts OPR records on the topic with the contract's key and headers, within the in-flight bound
 * and the publish deadline, and reports per item whether Kafka acknowledged it.
 */
public final class OprPublication {

    private final RecordPublisher publisher;
    private final InFlightLimit limit;
    private final String topic;
    private final Duration deadline;
    private final GatewayMetrics metrics;

    public OprPublication(RecordPublisher publisher, InFlightLimit limit, String topic, Duration deadline,
                          GatewayMetrics metrics) {
        this.publisher = publisher;
        this.limit = limit;
        this.topic = topic;
        this.deadline = deadline;
        this.metrics = metrics;
    }

    /**
     * Publishes the records; the answer lists, in order, each record's acknowledgement or
     * {@code null}. Fails with {@link OverloadedException} before sending anything when too many
     * items already wait for Kafka.
     */
    public Mono<List<Acknowledgement>> publish(List<OprRecord> records, String traceparent) {
        if (records.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.defer(() -> {
            if (!limit.tryAcquire(records.size())) {
                return Mono.error(new OverloadedException(limit.inFlight(), records.size()));
            }
            List<OutgoingRecord> outgoing = new ArrayList<>(records.size());
            for (OprRecord record : records) {
                outgoing.add(new OutgoingRecord(topic, record.omiEventId(), record, headers(record, traceparent)));
            }
            long started = System.nanoTime();
            return publisher.publish(outgoing, deadline)
                    .doOnNext(acks -> metrics.published(System.nanoTime() - started))
                    .doFinally(signal -> limit.release(records.size()));
        });
    }

    private static Map<String, String> headers(OprRecord record, String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RecordHeaderNames.CONTENT_TYPE, "application/json");
        headers.put(RecordHeaderNames.SCHEMA, OprRecord.SCHEMA);
        headers.put(RecordHeaderNames.KIND, record.kind().wireName());
        headers.put(RecordHeaderNames.SOURCE, "omi");
        headers.put(RecordHeaderNames.CONNECTED_SERVER, record.connectedServer());
        headers.put(RecordHeaderNames.EXTERNAL_ID, record.externalId());
        headers.put(RecordHeaderNames.RECEIVED_AT, record.receivedAt().toString());
        if (traceparent != null && !traceparent.isBlank()) {
            headers.put(RecordHeaderNames.TRACEPARENT, traceparent);
        }
        return headers;
    }
}
