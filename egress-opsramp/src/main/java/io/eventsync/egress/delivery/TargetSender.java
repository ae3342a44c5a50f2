package io.eventsync.egress.delivery;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * One kind of third party: how a batch of items becomes requests, and what the answer says.
 *
 * @param <T> what the pipeline selected each record as
 */
public interface TargetSender<T> {

    /** How many items one request may carry; 1 sends one request per event. */
    int maxBatch();

    /**
     * Whether requests carry each item's {@link Outgoing#body()}. A sender that writes the record or
     * the view itself says no, and the pipeline does not render a body it would throw away.
     */
    default boolean usesBody() {
        return true;
    }

    /** How a batch becomes requests, sent one after the other in this order; by default, one. */
    default List<List<Outgoing<T>>> requests(List<Outgoing<T>> batch) {
        return List.of(batch);
    }

    /**
     * Sends {@code items} as one request. The answer lists the sequence numbers the target took
     * (every item on a 2xx, unless the target answers item by item). Never errors: a failure is an
     * answer with status 0 and what happened.
     */
    Mono<TargetAnswer> send(List<Outgoing<T>> items);

    /** Where requests go, for dead letters and metrics; never with credentials. */
    String describe();
}
