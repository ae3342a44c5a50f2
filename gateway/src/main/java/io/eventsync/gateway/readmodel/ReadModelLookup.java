package io.eventsync.gateway.readmodel;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * Finds events in the read model, waiting for it to catch up with the topic only when it does not
 * know one of them yet (an event acknowledged a moment ago may still be on its way in). Each
 * caller says which events it may see.
 */
public final class ReadModelLookup {

    /**
     * What a lookup found, by external id, and whether the read model had caught up when it
     * looked: an id it did not find while behind may still be on the topic.
     */
    public record Found(Map<String, Optional<KnownEvent>> events, boolean caughtUp) {

        public Optional<KnownEvent> get(String externalId) {
            return events.getOrDefault(externalId, Optional.empty());
        }
    }

    private final EventReadModel model;
    private final ReadModelFeed feed;
    private final Duration wait;

    public ReadModelLookup(EventReadModel model, ReadModelFeed feed, Duration wait) {
        this.model = model;
        this.feed = feed;
        this.wait = wait;
    }

    /** The events; the read model is caught up at most once, and only when one is not visible yet. */
    public Mono<Found> find(Collection<String> externalIds, Predicate<KnownEvent> visible) {
        Map<String, Optional<KnownEvent>> found = look(externalIds, visible);
        if (found.values().stream().allMatch(Optional::isPresent)) {
            return Mono.just(new Found(found, true));
        }
        return current(externalIds, visible);
    }

    /** The events with every change acknowledged so far applied (read-your-writes). */
    public Mono<Found> current(Collection<String> externalIds, Predicate<KnownEvent> visible) {
        return feed.awaitCaughtUp(wait).map(caught -> new Found(look(externalIds, visible), caught));
    }

    private Map<String, Optional<KnownEvent>> look(Collection<String> externalIds, Predicate<KnownEvent> visible) {
        Map<String, Optional<KnownEvent>> found = new HashMap<>();
        externalIds.forEach(id -> found.put(id, model.find(id).filter(visible)));
        return found;
    }
}
