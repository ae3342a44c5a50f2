package io.eventsync.gateway.readmodel;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/** Ready once the read model has held everything on the state topic at least once. */
final class ReadModelHealthIndicator implements ReactiveHealthIndicator {

    private final EventStore store;

    ReadModelHealthIndicator(EventStore store) {
        this.store = store;
    }

    @Override
    public Mono<Health> health() {
        Mono<Boolean> caughtUp = store.hasCaughtUpOnce() ? Mono.just(true)
                : store.awaitCaughtUp(Duration.ofMillis(500));
        return caughtUp.map(ready -> (ready ? Health.up() : Health.outOfService())
                .withDetail("events", store.size())
                .build());
    }
}
