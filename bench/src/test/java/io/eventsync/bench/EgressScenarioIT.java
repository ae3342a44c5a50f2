package io.eventsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The egress scenarios in smoke mode, so that they cannot rot between real runs. No timing assertions. */
class EgressScenarioIT {

    @TempDir
    Path out;

    @Test
    @Timeout(150)
    void smokeRunDrainsEveryVariantToTheReceiverWithNothingLost() {
        List<ScenarioResult> results;
        long t0 = System.nanoTime();
        try (Progress progress = new Progress(System.err);
                KafkaBroker broker = Brokers.inProcess(0)) {
            results = new EgressScenario(broker.bootstrapServers(),
                    BenchOptions.parse("--smoke", "--out", out.toString()), progress).run();
        }
        System.err.printf("[bench] egress smoke took %.1f s%n", Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1e3);
        results.forEach(r -> r.iterations().forEach(i -> System.err.printf(
                "[bench] %s: %.3f s, %,d events, %,.0f events/s, %.1f MB/s, cycle p50/p99/p99.9 %.1f/%.1f/%.1f ms,"
                        + " %d requests (%d failed), %.1f CPU s/M, peak RSS %,d MB%n  %s%n",
                r.name(), i.seconds(), i.events(), i.eventsPerSec(), i.mbPerSec(), i.p50Ms(), i.p99Ms(), i.p999Ms(),
                i.requests(), i.failedRequests(), i.cpuPerMillion(), i.peakRssBytes() >> 20, r.description())));

        assertThat(results).extracting(ScenarioResult::name).containsExactly(
                "egress-opr-bulk-100", "egress-opr-bulk-500", "egress-webhook",
                "egress-opr-bulk-100-5xx", "egress-opr-bulk-500-5xx", "egress-webhook-5xx");
        for (ScenarioResult result : results) {
            assertThat(result.iterations()).as(result.name()).isNotEmpty();
            assertThat(result.description()).as(result.name()).endsWith("lost 0");
            for (Iteration iteration : result.iterations()) {
                assertThat(iteration.events()).as(result.name()).isEqualTo(EgressScenario.SMOKE_EVENTS);
                assertThat(iteration.eventsPerSec()).as(result.name()).isPositive();
                assertThat(iteration.requests()).as(result.name()).isPositive();
            }
        }
    }
}
