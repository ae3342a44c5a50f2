package io.eventsync.egress.delivery;

import java.util.List;
import reactor.core.publisher.Flux;

/** Where a route's records come from: a consumer group reading topics, with demand-driven polling. */
public interface RecordSource {

    /**
     * Records of {@code topics} for consumer group {@code group}, from its committed offsets. Polling
     * follows downstream demand, so a slow route leaves records in Kafka. Cancelling closes the consumer.
     *
     * @param start where a partition the group has no committed offset for is read from
     */
    Flux<SourceRecord> records(String group, List<String> topics, Start start);

    /** Where a new consumer group starts. */
    enum Start {
        /** At the end: a route sees what happens after it exists (its start is also set when it is created). */
        LATEST,
        /** At the beginning: for records someone was told are accepted (sync-back), none may be skipped. */
        EARLIEST
    }
}
