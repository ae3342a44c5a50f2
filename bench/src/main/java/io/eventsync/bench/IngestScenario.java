package io.eventsync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scenario 3: ingest-ofsc in this JVM draining a backlog from the OFSC simulator, 8 subscriptions side by
 * side, once with no latency added to OFSC's answers (the poller's own cost) and once with 150 ms per
 * answer, as from a distant instance. Each run has a fresh simulator, subscriptions and topics; every
 * event is checked to be on the topic exactly once.
 *
 * <p>A backlog rather than a steady stream, so that the rate is what ingest can do, not what the
 * simulator was told to make.
 */
final class IngestScenario {

    static final int SUBSCRIPTIONS = 8;
    static final String ZERO_LATENCY = "ingest-ofsc-zero-latency";
    static final String REALISTIC_LATENCY = "ingest-ofsc-150ms-latency";

    /** 8 × 250 = 2,000 events in all: every step once, one partial page per subscription. */
    static final int SMOKE_BACKLOG = 250;
    /** Per subscription and warm-up second; the warm-up's rate then sizes the measured backlog. */
    private static final int WARMUP_BACKLOG_PER_SECOND = 1_000;
    private static final int MIN_BACKLOG = IngestApp.PAGE_SIZE;
    /** 100,000 events of ~1 KB per subscription: 800 MB on the broker per run is plenty. */
    private static final int MAX_BACKLOG = 100_000;

    private record Variant(String name, Duration pageLatency, String latencyText) {
    }

    private final String bootstrapServers;
    private final BenchOptions options;
    private final Progress progress;

    IngestScenario(String bootstrapServers, BenchOptions options, Progress progress) {
        this.bootstrapServers = bootstrapServers;
        this.options = options;
        this.progress = progress;
    }

    List<ScenarioResult> run() {
        double pagesPerSecond = 1_000.0 / 150;
        return List.of(
                run(new Variant(ZERO_LATENCY, Duration.ZERO, "no latency added to OFSC's answers (the poller's own cost)")),
                run(new Variant(REALISTIC_LATENCY, Duration.ofMillis(150), String.format(Locale.ROOT,
                        "150 ms added before every OFSC answer, as from a distant instance (at most %,.0f "
                                + "events/s per subscription then)", pagesPerSecond * IngestApp.PAGE_SIZE))));
    }

    private ScenarioResult run(Variant variant) {
        int backlog = SMOKE_BACKLOG;
        if (!options.smoke()) {
            IngestDrain warmUp = drain(variant, "warm-up", WARMUP_BACKLOG_PER_SECOND * options.warmupSeconds());
            backlog = backlogFor(warmUp);
        }
        List<IngestDrain> drains = new ArrayList<>();
        for (int i = 1; i <= options.iterations(); i++) {
            drains.add(drain(variant, i + "/" + options.iterations(), backlog));
        }
        return new ScenarioResult(variant.name(), description(variant, backlog, drains),
                drains.stream().map(d -> d.iteration(SUBSCRIPTIONS)).toList());
    }

    /** Enough for about {@code --duration} seconds of drain at the warm-up's rate, in whole pages. */
    private int backlogFor(IngestDrain warmUp) {
        double perSubscription = Stats.of(warmUp.perSubscriptionEventsPerSec()).median();
        long pages = Math.round(perSubscription * options.durationSeconds() / IngestApp.PAGE_SIZE);
        return (int) Math.max(MIN_BACKLOG, Math.min(MAX_BACKLOG, pages * IngestApp.PAGE_SIZE));
    }

    private IngestDrain drain(Variant variant, String label, int backlogPerSubscription) {
        String run = variant.name() + " " + label;
        IngestTopics topics = IngestTopics.create(bootstrapServers, variant.name(), options.partitions());
        try (IngestSimulator ofsc = IngestSimulator.start(variant.pageLatency())) {
            List<String> ids = ofsc.createSubscriptions(SUBSCRIPTIONS);
            progress.begin(run + " preloading");
            ofsc.preload(backlogPerSubscription);
            IngestArrivals arrivals = new IngestArrivals(ids);
            try (IngestTopicReader reader = new IngestTopicReader(topics);
                    IngestCpuTimeline cpu = IngestCpuTimeline.start()) {
                boolean reset = ProcessMeter.resetPeakRss();
                long peakRss;
                progress.begin(run + " starting ingest-ofsc");
                IngestApp app = IngestApp.start(bootstrapServers, ofsc, topics, ids);
                try {
                    progress.begin(run);
                    reader.readAll(arrivals, backlogPerSubscription, timeout(backlogPerSubscription), progress);
                    peakRss = ProcessMeter.peakRssBytes();
                } finally {
                    progress.end();
                    app.close();
                }
                arrivals.requireExactlyOnce(backlogPerSubscription, run);
                return IngestDrain.measure(arrivals, new IngestPageRequests(ofsc.pageRequests(Set.copyOf(ids))), cpu,
                        peakRss, reset);
            }
        } finally {
            topics.delete();
        }
    }

    /** Generous: at 1,000 events/s in all, far below any rate ingest has shown, after a minute's grace. */
    private static Duration timeout(int backlogPerSubscription) {
        return Duration.ofSeconds(60 + (long) backlogPerSubscription * SUBSCRIPTIONS / 1_000);
    }

    private static String description(Variant variant, int backlog, List<IngestDrain> drains) {
        List<Double> perSubscription = drains.stream().flatMap(d -> d.perSubscriptionEventsPerSec().stream()).toList();
        Stats rates = Stats.of(perSubscription);
        long events = drains.stream().mapToLong(IngestDrain::events).sum();
        long bytes = drains.stream().mapToLong(IngestDrain::bytes).sum();
        long duplicates = drains.stream().mapToLong(IngestDrain::duplicates).sum();
        long unmatched = drains.stream().mapToLong(IngestDrain::unmatchedEvents).sum();
        String text = String.format(Locale.ROOT,
                "ingest-ofsc polling %d subscriptions side by side (pages of %,d, one in flight per subscription), "
                        + "draining a backlog of %d × %,d events of ~%,d B that the OFSC simulator holds before "
                        + "ingest starts, with %s. Events/s is the %d together, from the first page request to the "
                        + "last event visible on the topic; per subscription, median %,.0f events/s (slowest %,.0f) "
                        + "over all runs. Latency: from the request for the event's page reaching OFSC to the event "
                        + "visible to a read_committed consumer (a backlog makes the time since start only a queue "
                        + "position). CPU: the whole bench JVM (ingest, broker, simulator and the reading consumer) "
                        + "over the drain. Exactly once checked per subscription: %,d events, 0 lost, %d repeated",
                SUBSCRIPTIONS, IngestApp.PAGE_SIZE, SUBSCRIPTIONS, backlog, events == 0 ? 0 : bytes / events,
                variant.latencyText(), SUBSCRIPTIONS, rates.median(), rates.min(), events, duplicates);
        return unmatched == 0 ? text : text + String.format(Locale.ROOT,
                "; %,d events left out of the latency: their page request was not in the simulator's log", unmatched);
    }
}
