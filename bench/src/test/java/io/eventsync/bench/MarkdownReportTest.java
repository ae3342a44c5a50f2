package io.eventsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private static Iteration gateway(double eventsPerSec, double p99) {
        return new Iteration(10, (long) (eventsPerSec * 10), 1_000, 100, 0, eventsPerSec, eventsPerSec / 1000,
                5, p99, p99 * 2, 200, 120, 70, 0.3, 512L * 1024 * 1024, true, 8, Double.NaN);
    }

    private static Iteration limit(double recordsPerSec) {
        return new Iteration(5, 500_000, 512_000_000, 0, 0, recordsPerSec, recordsPerSec / 1024, 300, 500, 600,
                20, Double.NaN, 40, Double.NaN, 300L * 1024 * 1024, false, 1, Double.NaN);
    }

    private static BenchReport report() {
        ScenarioResult producer = new ScenarioResult("limit-producer", "Kafka ProducerPerformance",
                List.of(limit(40_000), limit(50_000), limit(45_000)));
        ScenarioResult consumer = new ScenarioResult("limit-consumer", "Kafka ConsumerPerformance",
                List.of(limit(90_000)));
        ScenarioResult json = new ScenarioResult("gateway-bulk-100-json", "bulk",
                List.of(gateway(9_000, 30), gateway(10_000, 20), gateway(11_000, 40))).aiming(Target.ratio(0.7));
        ScenarioResult egress = new ScenarioResult("egress-opr-bulk-100", "drain", List.of(limit(63_000)))
                .against(ScenarioResult.Baseline.CONSUMER).aiming(Target.ratio(0.6));
        ScenarioResult probeBase = new ScenarioResult("gateway-bulk-100-json-probe-x1", "bulk",
                List.of(gateway(10_200, 30)));
        Iteration doubled = gateway(10_500, 60);
        ScenarioResult probe = new ScenarioResult("gateway-bulk-100-json-probe-x2", "bulk",
                List.of(new Iteration(doubled.seconds(), doubled.events(), doubled.bytes(), doubled.requests(), 0,
                        doubled.eventsPerSec(), doubled.mbPerSec(), doubled.p50Ms(), doubled.p99Ms(), doubled.p999Ms(),
                        doubled.cpuPerMillion(), doubled.gatewayCpuPerMillion(), doubled.brokerCpuPerMillion(),
                        doubled.loadGenCpuShare(), doubled.peakRssBytes(), true, 16, Double.NaN)));
        MachineInfo machine = new MachineInfo(2, "17.0.15", "Debian", "OpenJDK", List.of("G1 Young Generation"),
                1L << 30, "Linux", "amd64");
        return new BenchReport(machine, "java ... Bench", false, "2026-12-01T10:00:00Z", 600, producer, consumer,
                List.of(json, egress), probeBase, probe);
    }

    @Test
    void scenarioTableShowsMedianWithMinMaxSpread() {
        String md = MarkdownReport.table(report().scenarios().get(0), 45_000);

        assertThat(md).contains("| events/s | 10,000 [9,000 – 11,000] |");
        assertThat(md).contains("| p99 latency ms | 30.0 [20.0 – 40.0] |");
        assertThat(md).contains("3 iteration(s)");
    }

    @Test
    void ratioIsTheMedianOverTheLimitProducersMedian() {
        String md = MarkdownReport.render(report());

        // 10,000 / 45,000 (the producer's median, not its best run)
        assertThat(md).contains("| gateway-bulk-100-json | 10,000 | 0.22 of producer | 30.0 | ratio ≥ 0.7 | **no** |");
        assertThat(md).contains("| ratio to limit (median) | 0.222 |");
        assertThat(md).contains("| limit-producer | 45,000 | — |");
    }

    @Test
    void whatReadsFromKafkaIsComparedWithTheConsumerAndJudgedByItsTarget() {
        String md = MarkdownReport.render(report());

        // 63,000 / 90,000
        assertThat(md).contains("| egress-opr-bulk-100 | 63,000 | 0.70 of consumer | 500.0 | ratio ≥ 0.6 | yes |");
    }

    @Test
    void reportNamesTheMachineCommandAndWhatBoundsIt() {
        String md = MarkdownReport.render(report());

        assertThat(md).contains("2 cores").contains("JDK 17.0.15").contains("G1 Young Generation");
        assertThat(md).contains("java ... Bench");
        assertThat(md).contains("## What bounds it (measured)");
        assertThat(md).contains("load generator event loop busy 30 % of wall time");
        assertThat(md).contains("gateway-bulk-100-json at 16 requests in flight gave 10,500 events/s against 10,200 at 8 (103 % of it)");
        assertThat(md).doesNotContain("Smoke run");
    }

    @Test
    void theHandWrittenAnalysisOfAnEarlierReportIsKept() {
        String earlier = MarkdownReport.render(report()) + "\n## Analysis\n\nWhat bounds the gateway, by hand.\n";

        assertThat(MarkdownReport.analysisOf(earlier)).isEqualTo("\n## Analysis\n\nWhat bounds the gateway, by hand.\n");
        assertThat(MarkdownReport.analysisOf(MarkdownReport.render(report()))).isEmpty();
    }

    @Test
    void metricsAToolDoesNotHaveAreShownAsDashes() {
        String md = MarkdownReport.table(report().limitConsumer(), Double.NaN);

        assertThat(md).contains("| load generator event loop busy (share of its 1 thread) | — |");
        assertThat(md).doesNotContain("ratio to limit");
    }
}
