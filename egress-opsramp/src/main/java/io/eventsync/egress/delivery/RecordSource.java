package io.eventsync.egress.delivery;

import java.util.List;
import reactor.core.publisher.Flux;

/** Where a route's records come from: a consumer group reading topics, with demand-driven polling. */
public interface RecordSource {

    /**
     * Records of {@code topics} for consumer group {@code group}, from its committed offsets. Polling
     * follows downstream demand, so a slow route leaves records in Kafka. Cancelling closes the consumer.
     */
    Flux<SourceRecord> records(String group, List<String> topics);
}
