package io.eventsync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/** How every gateway scenario measures: a warm-up at full load, then iterations, each with whose CPU it took. */
final class GatewayRuns {

    private GatewayRuns() {
    }

    static List<Iteration> measure(OprLoadGenerator client, String name, int iterations, int warmupSeconds,
                                   int concurrency, Function<OprLoadGenerator, OprLoadGenerator.Run> load,
                                   Progress progress) {
        List<Iteration> measured = new ArrayList<>();
        progress.begin(name + " warm-up");
        client.run(Duration.ofSeconds(warmupSeconds), concurrency, progress);
        for (int i = 1; i <= iterations; i++) {
            progress.begin(name + " " + i + "/" + iterations);
            boolean reset = ProcessMeter.resetPeakRss();
            CpuSample cpu0 = CpuSample.take(client.threadPrefix());
            OprLoadGenerator.Run run = load.apply(client);
            CpuSample cpu = CpuSample.take(client.threadPrefix()).since(cpu0);
            measured.add(iteration(run, cpu, reset, concurrency));
        }
        progress.end();
        return measured;
    }

    private static Iteration iteration(OprLoadGenerator.Run run, CpuSample cpu, boolean peakRssReset, int concurrency) {
        Histogram h = run.latencyMicros();
        return new Iteration(run.seconds(), run.events(), run.bytes(), run.requests(), run.failed(),
                run.events() / run.seconds(), run.bytes() / run.seconds() / (1024 * 1024),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0,
                LimitScenario.perMillion(cpu.processNanos(), run.events()),
                LimitScenario.perMillion(cpu.gatewayNanos(), run.events()),
                LimitScenario.perMillion(cpu.restNanos(), run.events()),
                cpu.loadGenNanos() / 1e9 / run.seconds() / OprLoadGenerator.LOOP_THREADS,
                ProcessMeter.peakRssBytes(), peakRssReset, concurrency, Double.NaN);
    }
}
