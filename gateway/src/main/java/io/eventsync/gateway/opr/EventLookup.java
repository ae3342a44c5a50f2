package io.eventsync.gateway.opr;

import io.eventsync.gateway.problem.ApiProblem;
import io.eventsync.gateway.readmodel.KnownEvent;
import io.eventsync.gateway.readmodel.ReadModelLookup;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /** The event, waiting for the read model to catch up only when it does not know the id yet. */
    Mono<Optional<KnownEvent>> find(String server, String externalId) {
        return lookup.find(List.of(externalId), forwardedBy(server)).map(found -> found.get(externalId));
    }

    /**
     * Several events at once: the read model is caught up at most once, and only when it does not
     * know one of them yet.
     */
    Mono<Map<String, Optional<KnownEvent>>> findAll(String server, Collection<String> externalIds) {
        return lookup.find(externalIds, forwardedBy(server)).map(ReadModelLookup.Found::events);
    }

    /** The event with every change acknowledged so far applied (read-your-writes). */
    Mono<Optional<KnownEvent>> current(String server, String externalId) {
        return lookup.current(List.of(externalId), forwardedBy(server)).map(found -> found.get(externalId));
    }

    static ApiProblem unknown(String externalId) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-event", "Unknown event",
                "no event " + externalId + " was forwarded by this connected server");
    }

    private static Predicate<KnownEvent> forwardedBy(String server) {
        return known -> known.forwardedBy(server);
    }
}
