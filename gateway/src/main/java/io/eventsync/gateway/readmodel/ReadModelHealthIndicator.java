package io.eventsync.gateway.readmodel;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/** Ready once the read model has held everything on the topic at least once. */
final class ReadModelHealthIndicator implements ReactiveHealthIndicator {

    private final ReadModelFeed feed;
    private final EventReadModel model;

    ReadModelHealthIndicator(ReadModelFeed feed, EventReadModel model) {
        this.feed = feed;
        this.model = model;
    }

    @Override
    public Mono<Health> health() {
        Mono<Boolean> caughtUp = feed.hasCaughtUpOnce() ? Mono.just(true)
                : feed.awaitCaughtUp(java.time.Duration.ofMillis(500));
        return caughtUp.map(ready -> (ready ? Health.up() : Health.outOfService())
                .withDetail("events", model.size())
                .build());
    }
}
