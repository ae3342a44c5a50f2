package io.eventsync.bench;

import io.eventsync.bench.PerfOutput.ConsumerSummary;
import io.eventsync.bench.PerfOutput.ProducerSummary;
import io.eventsync.bench.PerfOutput.ToolUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * The limit: what Kafka's own clients reach on this machine and broker, measured before the apps with
 * the same record size, acks=all and partition count, after one discarded run that warms the broker up. The
 * producer's rate is what the apps writing to Kafka are divided by, the consumer's what egress is.
 */
final class LimitScenario {

    private final PerfTools tools;
    private final BenchOptions options;
    private final Progress progress;

    LimitScenario(PerfTools tools, BenchOptions options, Progress progress) {
        this.tools = tools;
        this.options = options;
        this.progress = progress;
    }

    List<ScenarioResult> run(String topic) {
        List<Iteration> produced = new ArrayList<>();
        List<Iteration> consumed = new ArrayList<>();
        if (!options.smoke()) {
            // The broker shares the bench JVM: cold, its first run measured 44k records/s where the third
            // reached 80k (docs/benchmarks.md). The apps run on a warm broker, so the limit must too.
            progress.begin("limit warm-up (discarded)");
            tools.produce(topic, options.limitRecords(), BenchOptions.RECORD_SIZE);
            tools.consume(topic, options.limitRecords(), "bench-limit-warm-up");
            progress.end();
        }
        for (int i = 1; i <= options.limitIterations(); i++) {
            progress.begin("limit producer " + i + "/" + options.limitIterations());
            long brokerCpu0 = ProcessMeter.processCpuNanos();
            List<String> out = tools.produce(topic, options.limitRecords(), BenchOptions.RECORD_SIZE);
            long brokerCpu = ProcessMeter.processCpuNanos() - brokerCpu0;
            ProducerSummary p = PerfOutput.producer(out);
            ToolUsage pu = PerfOutput.usage(out);
            double seconds = p.records() / p.recordsPerSec();
            produced.add(new Iteration(seconds, p.records(), p.records() * BenchOptions.RECORD_SIZE, 0, 0,
                    p.recordsPerSec(), p.mbPerSec(), p.p50Ms(), p.p99Ms(), p.p999Ms(),
                    perMillion(pu.cpuNanos(), p.records()), Double.NaN,
                    perMillion(brokerCpu, p.records()), Double.NaN, pu.peakRssBytes(), false, 1, Double.NaN));

            progress.begin("limit consumer " + i + "/" + options.limitIterations());
            brokerCpu0 = ProcessMeter.processCpuNanos();
            out = tools.consume(topic, options.limitRecords(), "bench-limit-" + i);
            brokerCpu = ProcessMeter.processCpuNanos() - brokerCpu0;
            ConsumerSummary c = PerfOutput.consumer(out);
            ToolUsage cu = PerfOutput.usage(out);
            consumed.add(new Iteration(c.fetchMs() / 1000.0, c.records(), (long) (c.mbConsumed() * 1024 * 1024), 0, 0,
                    c.fetchRecordsPerSec(), c.fetchMbPerSec(), Double.NaN, Double.NaN, Double.NaN,
                    perMillion(cu.cpuNanos(), c.records()), Double.NaN, perMillion(brokerCpu, c.records()),
                    Double.NaN, cu.peakRssBytes(), false, 1, Double.NaN));
            progress.end();
        }
        return List.of(
                new ScenarioResult("limit-producer", "Kafka ProducerPerformance, " + BenchOptions.RECORD_SIZE
                        + " B records, acks=all, idempotent, linger.ms=5, steady state after 10% warm-up records; "
                        + "latency is the tool's send-to-ack", produced),
                new ScenarioResult("limit-consumer", "Kafka ConsumerPerformance on the records the producer wrote; "
                        + "rate is the fetch rate (group join left out); no latency", consumed));
    }

    static double perMillion(long cpuNanos, long events) {
        return cpuNanos < 0 || events <= 0 ? Double.NaN : cpuNanos / 1e9 / events * 1e6;
    }
}
