package io.eventsync.gateway.publish;

import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Publishes records and tells, per record, whether the broker acknowledged it. The port behind
 * which the Kafka client library sits, so that it can be replaced in one place.
 */
public interface RecordPublisher {

    /**
     * Sends the records in order and completes when each is acknowledged, has failed, or the
     * deadline has passed. The answer has one entry per record, in order: its acknowledgement,
     * or {@code null} when the broker did not acknowledge it (in time).
     */
    Mono<List<Acknowledgement>> publish(List<OutgoingRecord> records, Duration deadline);
}
