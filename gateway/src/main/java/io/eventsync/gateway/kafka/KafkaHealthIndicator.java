package io.eventsync.gateway.kafka;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/** Kafka reachability as a health contributor, part of the readiness group. */
final class KafkaHealthIndicator implements ReactiveHealthIndicator {

    private final KafkaReachability reachability;

    KafkaHealthIndicator(KafkaReachability reachability) {
        this.reachability = reachability;
    }

    @Override
    public Mono<Health> health() {
        return reachability.check().map(answer -> (answer.reachable() ? Health.up() : Health.down())
                .withDetail("brokers", answer.detail())
                .build());
    }
}
