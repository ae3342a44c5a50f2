package io.eventsync.gateway.publish;

import io.eventsync.gateway.metrics.GatewayMetrics;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What every publication goes through, whatever its topic: the record size Kafka takes, the
 * in-flight bound (refuse at once rather than queue) and the publish deadline, around the one shared
 * producer.
 */
final class BoundedPublisher {

    private final RecordPublisher publisher;
    private final InFlightLimit limit;
    private final Duration deadline;
    private final GatewayMetrics metrics;
    private final long maxRecordBytes;

    /** @param maxRecordBytes the largest record the producer sends ({@code max.request.size}) */
    BoundedPublisher(RecordPublisher publisher, InFlightLimit limit, Duration deadline, GatewayMetrics metrics,
                     long maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
        this.publisher = publisher;
        this.limit = limit;
        this.deadline = deadline;
        this.metrics = metrics;
    }

    /** Whether Kafka takes the record for its size ({@code max.request.size}). */
    boolean fits(OutgoingRecord record) {
        return record.sizeUpperBound() <= maxRecordBytes;
    }

    /** Why Kafka would refuse the record at {@code index} of a request. */
    RecordTooLargeException tooLarge(int index, OutgoingRecord record) {
        return new RecordTooLargeException(index, record.sizeUpperBound(), maxRecordBytes);
    }

    /**
     * Publishes the records; the answer lists, in order, each record's acknowledgement or
     * {@code null}. Fails before sending anything with {@link RecordTooLargeException} when a record
     * is larger than Kafka takes, and with {@link OverloadedException} when too many items already
     * wait for Kafka.
     */
    Mono<List<Acknowledgement>> publish(List<OutgoingRecord> records) {
        if (records.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.defer(() -> {
            for (int i = 0; i < records.size(); i++) {
                if (!fits(records.get(i))) {
                    return Mono.error(tooLarge(i, records.get(i)));
                }
            }
            int taken = limit.tryAcquire(records.size());
            if (taken == 0) {
                return Mono.error(new OverloadedException(limit.inFlight(), records.size()));
            }
            long started = System.nanoTime();
            return publisher.publish(records, deadline)
                    .doOnNext(acks -> metrics.published(System.nanoTime() - started))
                    .doFinally(signal -> limit.release(taken));
        });
    }
}
