package io.eventsync.gateway.opr;

import io.eventsync.gateway.problem.ApiProblem;
import io.eventsync.gateway.readmodel.EventReadModel;
import io.eventsync.gateway.readmodel.KnownEvent;
import io.eventsync.gateway.readmodel.ReadModelFeed;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * Finds an event in the read model on behalf of a connected server, which only ever sees the
 * events it forwarded itself: another server's event is as unknown to it as one never sent.
 */
final class EventLookup {

    private final EventReadModel model;
    private final ReadModelFeed feed;
    private final Duration wait;

    EventLookup(EventReadModel model, ReadModelFeed feed, Duration wait) {
        this.model = model;
        this.feed = feed;
        this.wait = wait;
    }

    /** The event, waiting for the read model to catch up only when it does not know the id yet. */
    Mono<Optional<KnownEvent>> find(String server, String externalId) {
        Optional<KnownEvent> known = visible(server, externalId);
        if (known.isPresent()) {
            return Mono.just(known);
        }
        return feed.awaitCaughtUp(wait).map(caught -> visible(server, externalId));
    }

    /**
     * Several events at once: the read model is caught up at most once, and only when it does not
     * know one of them yet.
     */
    Mono<Map<String, Optional<KnownEvent>>> findAll(String server, Collection<String> externalIds) {
        Map<String, Optional<KnownEvent>> found = new HashMap<>();
        externalIds.forEach(id -> found.put(id, visible(server, id)));
        if (found.values().stream().allMatch(Optional::isPresent)) {
            return Mono.just(found);
        }
        return feed.awaitCaughtUp(wait).map(caught -> {
            externalIds.forEach(id -> found.put(id, visible(server, id)));
            return found;
        });
    }

    /** The event with every change acknowledged so far applied (read-your-writes). */
    Mono<Optional<KnownEvent>> current(String server, String externalId) {
        return feed.awaitCaughtUp(wait).map(caught -> visible(server, externalId));
    }

    static ApiProblem unknown(String externalId) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-event", "Unknown event",
                "no event " + externalId + " was forwarded by this connected server");
    }

    private Optional<KnownEvent> visible(String server, String externalId) {
        return model.find(externalId).filter(known -> known.forwardedBy(server));
    }
}
