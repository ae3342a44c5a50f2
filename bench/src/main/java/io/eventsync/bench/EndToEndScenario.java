package io.eventsync.bench;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.sandbox.Readiness;
import io.eventsync.sandbox.receiver.ReceiverSimulator;
import io.eventsync.sandbox.receiver.ReceiverSimulatorSettings;
import io.eventsync.sandbox.receiver.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Scenario 5: OMi's single-event posts through the whole pipeline: gateway, Kafka, egress (an OPR bulk
 * route, batches of up to 100), the receiver simulator, all sharing the machine. First the pipeline's
 * maximum: posts as fast as the gateway answers, until every one has reached the receiver. Then open
 * loop at half that rate; each event's latency runs from when its post was due to when its batch reached
 * the receiver, so a stall anywhere is counted for every event it held up.
 */
final class EndToEndScenario {

    static final String NAME = "end-to-end-single-50pct";
    private static final String ROUTE = "bench-e2e";
    private static final int CONNECTIONS = 32;
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(60);
    /**
     * egress's default max-wait (200 ms) fills batches at the cost of latency; an installation that wants
     * events at the target within tens of milliseconds sets it low, as here.
     */
    static final String MAX_WAIT = "5ms";

    private final String bootstrapServers;
    private final BenchOptions options;
    private final Progress progress;
    private final BulkPayloads payloads = new BulkPayloads();
    private final OprCodec codec = OprCodec.withDefaults();
    private double maximum;

    EndToEndScenario(String bootstrapServers, BenchOptions options, Progress progress) {
        this.bootstrapServers = bootstrapServers;
        this.options = options;
        this.progress = progress;
    }

    ScenarioResult run() {
        EgressTopics topics = EgressTopics.named("e2e");
        EgressVariant variant = new EgressVariant(NAME, EgressVariant.Target.OPR, 100, 0);
        List<Iteration> measured = new ArrayList<>();
        double rate;
        try (ReceiverSimulator receiver = ReceiverSimulator.start(ReceiverSimulatorSettings.builder().port(0).build());
                EmbeddedGateway gateway = EmbeddedGateway.start(bootstrapServers, topics.source(), options.partitions());
                EgressApp egress = EgressApp.start(bootstrapServers, topics, variant, ROUTE,
                        URI.create("http://127.0.0.1:" + receiver.port()),
                        List.of("--eventsync.egress.delivery.max-wait=" + MAX_WAIT));
                OprLoadGenerator client = new OprLoadGenerator(gateway.port(), OprFormat.JSON,
                        payloads.singleBodies(OprFormat.JSON, 1), CONNECTIONS)) {
            Readiness.await(URI.create("http://127.0.0.1:" + gateway.port() + "/actuator/health/readiness"),
                    Duration.ofSeconds(60));
            // Ready means the route's start is set in Kafka: nothing posted from here on is skipped.
            Readiness.await(URI.create("http://127.0.0.1:" + egress.port() + "/actuator/health/readiness"),
                    Duration.ofSeconds(60));
            String padding = payloads.singlePadding();
            rate = maximum(client, receiver, padding) / 2;
            for (int i = 0; i <= options.iterations(); i++) {
                boolean warmUp = i == 0;
                int seconds = warmUp ? options.warmupSeconds() : options.durationSeconds();
                progress.begin(NAME + (warmUp ? " warm-up" : " " + i + "/" + options.iterations()));
                receiver.clear();
                String tag = "e2e-" + i + "-";
                int base = i * 10_000_000;
                Instant wallAnchor = Instant.now();
                long nanoAnchor = System.nanoTime();
                boolean reset = ProcessMeter.resetPeakRss();
                long cpu0 = ProcessMeter.processCpuNanos();
                OprLoadGenerator.Run run = client.runAtRate(Duration.ofSeconds(seconds), rate,
                        n -> payloads.single(base + (int) n, tag + n, padding), progress);
                Arrivals arrivals = awaitArrivals(receiver, tag, run.events());
                long cpu = ProcessMeter.processCpuNanos() - cpu0;
                progress.end();
                if (warmUp) {
                    continue;
                }
                Instant start = wallAnchor.plusNanos(run.startNanos() - nanoAnchor);
                Histogram latency = arrivals.latencyMicros(start, 1e9 / rate);
                if (arrivals.distinct() < run.events()) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "%s: the gateway acknowledged %,d "
                            + "events but only %,d reached the receiver within %s", NAME, run.events(),
                            arrivals.distinct(), ARRIVAL_TIMEOUT));
                }
                measured.add(new Iteration(run.seconds(), arrivals.distinct(), run.bytes(), run.requests(),
                        run.failed(), arrivals.distinct() / run.seconds(), run.bytes() / run.seconds() / (1024 * 1024),
                        latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                        latency.getValueAtPercentile(99.9) / 1000.0,
                        LimitScenario.perMillion(cpu, arrivals.distinct()), Double.NaN, Double.NaN, Double.NaN,
                        ProcessMeter.peakRssBytes(), reset, CONNECTIONS, Double.NaN));
            }
        }
        return new ScenarioResult(NAME, String.format(Locale.ROOT, "single-event POST /opr/event (JSON, ~%d B) "
                + "open loop at %,.0f events/s, half the pipeline's maximum (%,.0f events/s: posted as fast as the "
                + "gateway answered, %d in flight, counted until the last reached the receiver), "
                + "through gateway, Kafka and egress (OPR bulk route, batches up to 100, max-wait " + MAX_WAIT + ") to the "
                + "receiver simulator; latency from each post's due time to its batch's arrival; every event the "
                + "gateway acknowledged arrived (else the run fails)", BulkPayloads.EVENT_BYTES, rate, maximum, CONNECTIONS),
                measured);
    }

    /**
     * Events a second from the first post to the last arrival, posting as fast as the gateway answers:
     * egress may fall behind the gateway, and then its pace is the pipeline's.
     */
    private double maximum(OprLoadGenerator client, ReceiverSimulator receiver, String padding) {
        progress.begin(NAME + " maximum");
        receiver.clear();
        String tag = "e2e-max-";
        Instant started = Instant.now();
        OprLoadGenerator.Run run = client.run(Duration.ofSeconds(options.durationSeconds()), CONNECTIONS,
                n -> payloads.single(900_000_000 + (int) n, tag + n, padding), progress);
        Arrivals arrivals = awaitArrivals(receiver, tag, run.events());
        progress.end();
        double seconds = Duration.between(started, arrivals.last()).toNanos() / 1e9;
        maximum = arrivals.distinct() / Math.max(seconds, run.seconds());
        return maximum;
    }

    /** Waits until the receiver has every acknowledged event of this iteration, or the timeout passes. */
    private Arrivals awaitArrivals(ReceiverSimulator receiver, String tag, long expected) {
        long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
        Arrivals arrivals = new Arrivals(List.of(), tag, codec);
        while (System.nanoTime() < deadline) {
            // Counting is cheap, parsing every body is not: parse only once the count says they may all be
            // there, so that waiting does not take the CPU the pipeline is still draining with.
            if (receiver.eventsReceived().size() >= expected) {
                arrivals = new Arrivals(receiver.requestsTo("/opr/event"), tag, codec);
                if (arrivals.distinct() >= expected) {
                    break;
                }
            }
            pause();
        }
        return arrivals;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first arrival of each event of one iteration, by its number. */
    private static final class Arrivals {

        private final List<long[]> firsts = new ArrayList<>();
        private final BitSet seen = new BitSet();

        Arrivals(List<RecordedRequest> requests, String tag, OprCodec codec) {
            for (RecordedRequest request : requests) {
                if (request.status() < 200 || request.status() >= 300) {
                    continue;
                }
                OprDocument document = codec.read(request.body(), OprFormat.JSON, OprCodec.Expect.EVENTS);
                List<OprEvent> events = document instanceof OprEventList list ? list.event()
                        : List.of((OprEvent) document);
                long at = request.time().getEpochSecond() * 1_000_000_000L + request.time().getNano();
                for (OprEvent event : events) {
                    if (event.title() != null && event.title().startsWith(tag)) {
                        int n = Integer.parseInt(event.title().substring(tag.length()));
                        if (!seen.get(n)) {
                            seen.set(n);
                            firsts.add(new long[] {n, at});
                        }
                    }
                }
            }
        }

        long distinct() {
            return seen.cardinality();
        }

        /** When the last of them arrived. */
        Instant last() {
            long at = firsts.stream().mapToLong(first -> first[1]).max().orElse(0);
            return Instant.ofEpochSecond(at / 1_000_000_000L, at % 1_000_000_000L);
        }

        Histogram latencyMicros(Instant start, double intervalNanos) {
            Histogram histogram = new Histogram(3);
            long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
            for (long[] first : firsts) {
                long due = startNanos + (long) (first[0] * intervalNanos);
                histogram.recordValue(Math.max(0, (first[1] - due) / 1_000));
            }
            return histogram;
        }
    }
}
