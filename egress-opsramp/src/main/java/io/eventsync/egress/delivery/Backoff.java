package io.eventsync.egress.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: attempt n waits a random time up to
 * {@code min(max, initial * 2^(n-1))}, so retries of many failed requests spread out instead of
 * hitting a recovering target together.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    public Duration delay(int attempt) {
        long ceiling = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long capped = Math.min(ceiling <= 0 ? max.toMillis() : ceiling, max.toMillis());
        return Duration.ofMillis(Math.max(1, (long) (random.getAsDouble() * capped)));
    }
}
