package io.eventsync.ingest.poll;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (a random wait up to the current ceiling, so many pollers
 * failing together do not retry together). A server's Retry-After is a floor, never shortened.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;
    private int attempts;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    Duration next(Optional<Duration> retryAfter) {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempts, 20));
        attempts++;
        Duration jittered = Duration.ofMillis(random.nextLong(Math.max(1, ceiling) + 1));
        return retryAfter.filter(floor -> floor.compareTo(jittered) > 0).orElse(jittered);
    }

    void reset() {
        attempts = 0;
    }

    int attempts() {
        return attempts;
    }
}
