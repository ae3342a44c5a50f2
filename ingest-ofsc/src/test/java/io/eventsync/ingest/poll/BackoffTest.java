package io.eventsync.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** Always the top of the range: the ceiling itself is what the test reads. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @Test
    void theCeilingDoublesUpToTheMaximumAndResets() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), HIGHEST);
        assertThat(backoff.next(Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.next(Optional.empty())).isEqualTo(Duration.ofMillis(1000));
        assertThat(backoff.next(Optional.empty())).isEqualTo(Duration.ofMillis(2000));
        assertThat(backoff.next(Optional.empty())).isEqualTo(Duration.ofMillis(3000));
        assertThat(backoff.next(Optional.empty())).isEqualTo(Duration.ofMillis(3000));
        backoff.reset();
        assertThat(backoff.next(Optional.empty())).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void jitterStaysUnderTheCeiling() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), RandomGenerator.of("L64X128MixRandom"));
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.next(Optional.empty())).isBetween(Duration.ZERO, Duration.ofSeconds(3));
        }
    }

    @Test
    void retryAfterIsAFloorNeverShortened() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), HIGHEST);
        assertThat(backoff.next(Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff.next(Optional.of(Duration.ofMillis(10)))).isEqualTo(Duration.ofMillis(1000));
    }
}
