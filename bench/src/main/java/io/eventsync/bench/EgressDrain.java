package io.eventsync.bench;

import io.eventsync.sandbox.receiver.ReceiverSimulator;
import io.eventsync.sandbox.receiver.ReceiverSimulatorSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.Locale;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * One measured drain: a backlog of {@code events} records written before egress starts, a fresh receiver
 * simulator and a fresh egress with one route whose group starts at the backlog's beginning; timed from
 * the receiver's first request until every event is at the receiver or on the dead-letter topic.
 */
final class EgressDrain {

    /** The receiver simulator's HTTP threads (sandbox's LoopbackServer names them). */
    static final String RECEIVER_THREADS = "receiver-sim-http";

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration FIRST_REQUEST_TIMEOUT = Duration.ofSeconds(120);
    /** Longer than any retry chain at the default backoff (5 attempts, 200 ms doubling, full jitter). */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DEAD_LETTER_CHECK = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final EgressBacklog backlog;
    private final int partitions;
    private final Progress progress;

    EgressDrain(String bootstrapServers, EgressBacklog backlog, int partitions, Progress progress) {
        this.bootstrapServers = bootstrapServers;
        this.backlog = backlog;
        this.partitions = partitions;
        this.progress = progress;
    }

    EgressOutcome run(EgressVariant variant, int events, String label, long seed) {
        String tag = "b" + UUID.randomUUID().toString().substring(0, 8);
        EgressEventIds ids = new EgressEventIds(tag, partitions);
        EgressTopics topics = EgressTopics.named(tag);
        String routeId = "bench-" + tag;
        backlog.create(topics);
        try {
            progress.begin(label + " backlog");
            long bytes = backlog.fill(new EgressRecords(ids, topics.source()), events, progress);
            backlog.startAtBeginning(EgressApp.group(routeId), topics);
            progress.end();
            EgressOutcome outcome = drain(variant, events, bytes, label, seed, ids, topics, routeId);
            if (outcome.lost() > 0) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s: egress lost %d of %d events: neither received nor dead-lettered (distinct received %d,"
                                + " dead-lettered %d)",
                        label, outcome.lost(), events, outcome.distinct(), outcome.deadLettered()));
            }
            return outcome;
        } finally {
            progress.end();
            backlog.delete(topics);
        }
    }

    private EgressOutcome drain(EgressVariant variant, int events, long bytes, String label, long seed,
                                EgressEventIds ids, EgressTopics topics, String routeId) {
        try (ReceiverSimulator receiver = ReceiverSimulator.start(ReceiverSimulatorSettings.builder()
                .port(0).randomSeed(seed).build())) {
            if (variant.failureRate() > 0) {
                receiver.faults(variant.faultScope()).failRandomly(variant.failureRate(), EgressVariant.FAILURE_STATUS);
            }
            URI target = URI.create("http://127.0.0.1:" + receiver.port());
            EgressReceipts receipts = new EgressReceipts(receiver, variant, ids);
            boolean reset = ProcessMeter.resetPeakRss();
            Instant started = Instant.now();
            try (EgressDeadLetters deadLetters = new EgressDeadLetters(bootstrapServers, topics.deadLetters(),
                    partitions, ids)) {
                EgressApp egress = EgressApp.start(bootstrapServers, topics, variant, routeId, target);
                try {
                    awaitFirstRequest(receipts, label);
                    long cpu0 = ProcessMeter.processCpuNanos();
                    long simulatorCpu0 = CpuSample.threadsNanos(RECEIVER_THREADS);
                    progress.begin(label);
                    progress.add(receipts.distinct());
                    Instant lastProgress = Instant.now();
                    Instant lastDeadLetterCheck = Instant.now();
                    while (accounted(receipts, deadLetters).cardinality() < events) {
                        sleep(POLL);
                        long fresh = receipts.poll();
                        Instant now = Instant.now();
                        if (fresh > 0) {
                            progress.add(fresh);
                            lastProgress = now;
                        }
                        if (Duration.between(lastDeadLetterCheck, now).compareTo(DEAD_LETTER_CHECK) >= 0) {
                            long letters = deadLetters.records();
                            deadLetters.poll();
                            if (deadLetters.records() > letters) {
                                lastProgress = now;
                            }
                            lastDeadLetterCheck = now;
                        }
                        if (Duration.between(lastProgress, now).compareTo(STALL_TIMEOUT) > 0) {
                            break;
                        }
                    }
                    Instant finished = Instant.now();
                    long cpu = ProcessMeter.processCpuNanos() - cpu0;
                    long simulatorCpu = CpuSample.threadsNanos(RECEIVER_THREADS) - simulatorCpu0;
                    long peakRss = ProcessMeter.peakRssBytes();
                    deadLetters.poll();
                    progress.end();
                    double seconds = Math.max(1e-3, Duration.between(receipts.firstArrival(), finished).toNanos() / 1e9);
                    Histogram cycle = receipts.cycleMicros();
                    Iteration iteration = new Iteration(seconds, events, bytes, receipts.requests(),
                            receipts.failedRequests(), events / seconds, bytes / seconds / (1024 * 1024),
                            percentileMs(cycle, 50), percentileMs(cycle, 99), percentileMs(cycle, 99.9),
                            LimitScenario.perMillion(cpu, events), Double.NaN, Double.NaN, Double.NaN,
                            peakRss, reset, partitions, LimitScenario.perMillion(simulatorCpu, events));
                    BitSet both = (BitSet) receipts.seen().clone();
                    both.and(deadLetters.sequences());
                    long lost = events - accounted(receipts, deadLetters).cardinality();
                    return new EgressOutcome(iteration, receipts.received(), receipts.distinct(), deadLetters.records(),
                            both.cardinality(), lost, Duration.between(started, receipts.firstArrival()).toNanos() / 1e9);
                } finally {
                    egress.close();
                }
            }
        }
    }

    private static BitSet accounted(EgressReceipts receipts, EgressDeadLetters deadLetters) {
        BitSet accounted = (BitSet) receipts.seen().clone();
        accounted.or(deadLetters.sequences());
        return accounted;
    }

    private void awaitFirstRequest(EgressReceipts receipts, String label) {
        Instant deadline = Instant.now().plus(FIRST_REQUEST_TIMEOUT);
        while (receipts.firstArrival() == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(label + ": egress sent nothing to the receiver within "
                        + FIRST_REQUEST_TIMEOUT.toSeconds() + " s of starting");
            }
            sleep(POLL);
            receipts.poll();
        }
    }

    private static double percentileMs(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for egress", e);
        }
    }
}
