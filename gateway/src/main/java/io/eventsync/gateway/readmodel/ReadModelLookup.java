package io.eventsync.gateway.readmodel;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * Finds events in the read model, waiting for it to catch up with the state topic first: an event
 * acknowledged a moment ago (on any replica) may still be on its way into this replica's store, and a
 * change must be applied to the event as it stands after every change acknowledged before it. Each caller
 * says which events it may see.
 */
public final class ReadModelLookup {

    /**
     * What a lookup found, by external id, and whether the read model had caught up when it looked: an id
     * it did not find while behind may be on the topic already, so it is not known to be unknown.
     */
    public record Found(Map<String, Optional<KnownEvent>> events, boolean caughtUp) {

        public Optional<KnownEvent> get(String externalId) {
            return events.getOrDefault(externalId, Optional.empty());
        }
    }

    private final EventStore store;
    private final Duration wait;

    public ReadModelLookup(EventStore store, Duration wait) {
        this.store = store;
        this.wait = wait;
    }

    /** The events with every change acknowledged so far applied (read-your-writes). */
    public Mono<Found> current(Collection<String> externalIds, Predicate<KnownEvent> visible) {
        return store.awaitCaughtUp(wait).map(caught -> new Found(look(externalIds, visible), caught));
    }

    /**
     * The events; the read model is caught up only when one of them is not visible yet. For readers that
     * need an event to exist, not its latest changes (sync-back checks that OMi forwarded it).
     */
    public Mono<Found> find(Collection<String> externalIds, Predicate<KnownEvent> visible) {
        Map<String, Optional<KnownEvent>> found = look(externalIds, visible);
        if (found.values().stream().allMatch(Optional::isPresent)) {
            return Mono.just(new Found(found, true));
        }
        return current(externalIds, visible);
    }

    private Map<String, Optional<KnownEvent>> look(Collection<String> externalIds, Predicate<KnownEvent> visible) {
        Map<String, Optional<KnownEvent>> found = new HashMap<>();
        externalIds.forEach(id -> found.put(id, store.find(id).filter(visible)));
        return found;
    }
}
