package io.eventsync.bench;

import io.eventsync.contracts.opr.codec.OprFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Scenario 2: one event per {@code POST /opr/event}, as OMi forwards an event the moment it happens.
 * First at the maximum rate (a bounded number of requests in flight, as fast as answers come), then at
 * a fixed rate of half that maximum, open loop, each request timed from when it was due.
 */
final class GatewaySingleScenario {

    static final String MAX = "gateway-single-json-max";
    static final String FIXED = "gateway-single-json-fixed-rate";
    private static final int DISTINCT_BODIES = 256;
    /** Single events are small requests: more of them in flight than bulks to keep the gateway busy. */
    private static final int IN_FLIGHT_FACTOR = 4;

    private final int port;
    private final BenchOptions options;
    private final Progress progress;
    private final List<byte[]> bodies;

    GatewaySingleScenario(int port, BenchOptions options, Progress progress) {
        this.port = port;
        this.options = options;
        this.progress = progress;
        this.bodies = new BulkPayloads().singleBodies(OprFormat.JSON, DISTINCT_BODIES);
    }

    ScenarioResult runMax() {
        int concurrency = options.concurrency() * IN_FLIGHT_FACTOR;
        List<Iteration> measured = measure(MAX, concurrency,
                client -> client.run(Duration.ofSeconds(options.durationSeconds()), concurrency, progress));
        return new ScenarioResult(MAX, String.format(Locale.ROOT,
                "single-event POST /opr/event (JSON, ~%d B), %d requests in flight, as fast as answered",
                BulkPayloads.EVENT_BYTES, concurrency), measured);
    }

    /** At {@code rate} events a second whatever the answers do; latency from each request's due time. */
    ScenarioResult runFixed(double rate) {
        int connections = options.concurrency() * IN_FLIGHT_FACTOR;
        List<Iteration> measured = measure(FIXED, connections,
                client -> client.runAtRate(Duration.ofSeconds(options.durationSeconds()), rate, progress));
        return new ScenarioResult(FIXED, String.format(Locale.ROOT,
                "single-event POST /opr/event (JSON), open loop at %,.0f events/s (half the maximum measured "
                        + "just before), up to %d connections; latency from each request's due time "
                        + "(coordinated-omission-aware)", rate, connections), measured);
    }

    private List<Iteration> measure(String name, int connections, Function<OprLoadGenerator, OprLoadGenerator.Run> load) {
        try (OprLoadGenerator client = new OprLoadGenerator(port, OprFormat.JSON, bodies, connections)) {
            return GatewayRuns.measure(client, name, options.iterations(), options.warmupSeconds(), connections, load,
                    progress);
        }
    }
}
