package io.eventsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ingest-ofsc scenario in smoke mode, so that it cannot rot between real runs. No timing assertions. */
class IngestScenarioIT {

    @TempDir
    Path out;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void smokeRunDrainsBothVariantsWithEveryEventOnTheTopicExactlyOnce() {
        BenchOptions options = BenchOptions.parse("--smoke", "--out", out.toString());
        List<ScenarioResult> results;
        try (KafkaBroker broker = Brokers.inProcess(0);
                Progress progress = new Progress(System.err)) {
            results = new IngestScenario(broker.bootstrapServers(), options, progress).run();
        }

        assertThat(results).extracting(ScenarioResult::name)
                .containsExactly(IngestScenario.ZERO_LATENCY, IngestScenario.REALISTIC_LATENCY);
        long backlog = (long) IngestScenario.SUBSCRIPTIONS * IngestScenario.SMOKE_BACKLOG;
        for (ScenarioResult result : results) {
            System.err.println("[bench] " + result.name() + ": " + result.iterations() + "\n  " + result.description());
            assertThat(result.description()).as(result.name()).contains("0 lost, 0 repeated");
            assertThat(result.iterations()).as(result.name()).hasSize(options.iterations());
            for (Iteration iteration : result.iterations()) {
                assertThat(iteration.events()).as(result.name()).isEqualTo(backlog);
                assertThat(iteration.eventsPerSec()).as(result.name()).isPositive();
                assertThat(iteration.bytes()).as(result.name()).isGreaterThan(backlog * 500);
                assertThat(iteration.requests()).as(result.name()).isGreaterThanOrEqualTo(IngestScenario.SUBSCRIPTIONS);
                assertThat(iteration.p50Ms()).as(result.name()).isPositive();
                assertThat(iteration.p999Ms()).as(result.name()).isGreaterThanOrEqualTo(iteration.p50Ms());
                assertThat(iteration.concurrency()).isEqualTo(IngestScenario.SUBSCRIPTIONS);
            }
        }
        assertThat(results.get(1).iterations().get(0).p50Ms()).as("a page costs at least the added 150 ms")
                .isGreaterThanOrEqualTo(150);
    }
}
