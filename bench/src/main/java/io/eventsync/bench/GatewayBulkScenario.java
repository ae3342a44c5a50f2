package io.eventsync.bench;

import io.eventsync.contracts.opr.codec.OprFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 1: bulk {@code POST /event} to the gateway in this JVM, one variant per bulk size and format.
 * Warm-up first, then the measured iterations; CPU and peak RSS per iteration.
 */
final class GatewayBulkScenario {

    private static final int DISTINCT_BODIES = 16;

    private final int port;
    private final BenchOptions options;
    private final Progress progress;
    private final BulkPayloads payloads = new BulkPayloads();

    GatewayBulkScenario(int port, BenchOptions options, Progress progress) {
        this.port = port;
        this.options = options;
        this.progress = progress;
    }

    static String name(int bulkSize, OprFormat format) {
        return "gateway-bulk-" + bulkSize + "-" + format.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Posts every variant in turn before anything is measured: the JVM is cold after start, and a warm-up
     * per variant alone leaves the first variant measured on code the JIT has not finished with.
     */
    void warmUpJvm(List<int[]> sizes, List<OprFormat> formats) {
        for (int[] size : sizes) {
            for (OprFormat format : formats) {
                List<byte[]> bodies = payloads.bodies(format, size[0], 2);
                try (OprLoadGenerator client = new OprLoadGenerator(port, format, bodies, options.concurrency())) {
                    progress.begin("jvm warm-up " + name(size[0], format));
                    // Twice the per-variant warm-up: in earlier runs the first variant measured on a JVM still
                    // warming up was half as fast as the same variant measured again at the end.
                    client.run(Duration.ofSeconds(2L * options.warmupSeconds()), options.concurrency(), progress);
                }
            }
        }
        progress.end();
    }

    ScenarioResult run(int bulkSize, OprFormat format) {
        return run(bulkSize, format, options.concurrency(), options.iterations(), name(bulkSize, format));
    }

    /** The same variant at {@code concurrency}: to see whether more load from the client raises throughput. */
    ScenarioResult run(int bulkSize, OprFormat format, int concurrency, int iterations, String name) {
        List<byte[]> bodies = payloads.bodies(format, bulkSize, DISTINCT_BODIES);
        long avgBody = bodies.stream().mapToLong(b -> b.length).sum() / bodies.size();
        List<Iteration> measured;
        try (OprLoadGenerator client = new OprLoadGenerator(port, format, bodies, concurrency)) {
            measured = GatewayRuns.measure(client, name, iterations, options.warmupSeconds(), concurrency,
                    c -> c.run(Duration.ofSeconds(options.durationSeconds()), concurrency, progress), progress);
        }
        return new ScenarioResult(name, String.format(Locale.ROOT,
                "bulk POST /opr/event, %d events of ~%d B per request (%s, %,d B body), %d requests in flight",
                bulkSize, BulkPayloads.EVENT_BYTES, format.name(), avgBody, concurrency), measured);
    }
}
