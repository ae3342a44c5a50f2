package io.eventsync.gateway.opr;

import io.eventsync.gateway.problem.ApiProblem;
import io.eventsync.gateway.readmodel.KnownEvent;
import io.eventsync.gateway.readmodel.ReadModelLookup;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * Finds an event in the read model on behalf of a connected server, which only ever sees the
 * events it forwarded itself: another server's event is as unknown to it as one never sent.
 */
final class EventLookup {

    private final ReadModelLookup lookup;

    EventLookup(ReadModelLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * The events with every change acknowledged so far applied (read-your-writes), and whether the read
     * model had caught up with the topic: an id it does not know while behind may be on the topic already.
     */
    Mono<ReadModelLookup.Found> current(String server, Collection<String> externalIds) {
        return lookup.current(externalIds, forwardedBy(server));
    }

    /** One event as {@link #current(String, Collection)} finds it; unknown once caught up is a 404. */
    Mono<Optional<KnownEvent>> current(String server, String externalId) {
        return current(server, List.of(externalId)).map(found -> found.get(externalId));
    }

    static ApiProblem unknown(String externalId) {
        return unknown(externalId, null);
    }

    /** @param pointer where the request names the event (a bulk item's {@code event_ref}), or null */
    static ApiProblem unknown(String externalId, String pointer) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "unknown-event", "Unknown event",
                "no event " + externalId + " was forwarded by this connected server", pointer, null);
    }

    /**
     * A 503 for an event the read model does not know yet while it has not caught up with the topic: it
     * may have been forwarded a moment ago (to another replica), so the client is asked to send again
     * rather than told the event does not exist.
     */
    static ApiProblem behind(String externalId, Duration retryAfter) {
        return ApiProblem.unavailable("read-model-behind", "the event " + externalId + " is not known yet and the read"
                + " model is still catching up with the topic: send this again after Retry-After", retryAfter);
    }

    private static Predicate<KnownEvent> forwardedBy(String server) {
        return known -> known.forwardedBy(server);
    }
}
