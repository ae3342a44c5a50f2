package io.eventsync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 4: egress-opsramp draining a backlog of {@code opr.events} to the receiver simulator: bulk OPR
 * (batches of 100 and 500) and a templated webhook, then the same three with 5% of the target's answers
 * a 5xx. Compared to Kafka's raw consumer rate: both read a backlog that is already there.
 *
 * <p>Each iteration is a fresh egress, receiver and set of topics (so runs cannot interfere); a full run
 * first drains a warm-up backlog per variant, which also sizes the measured backlog to about
 * {@link BenchOptions#durationSeconds()} of draining.
 */
public final class EgressScenario {

    static final int SMOKE_EVENTS = 2_000;
    static final int WARMUP_EVENTS = 20_000;
    static final int MIN_EVENTS = 10_000;
    /**
     * The receiver simulator keeps every OPR event it accepted and its newest 10,000 requests with their
     * bodies; beyond this the heap it holds, not egress, would dominate memory and GC.
     */
    static final int MAX_EVENTS = 200_000;

    private final String bootstrapServers;
    private final BenchOptions options;
    private final Progress progress;

    public EgressScenario(String bootstrapServers, BenchOptions options, Progress progress) {
        this.bootstrapServers = bootstrapServers;
        this.options = options;
        this.progress = progress;
    }

    public List<ScenarioResult> run() {
        List<ScenarioResult> results = new ArrayList<>();
        try (EgressBacklog backlog = new EgressBacklog(bootstrapServers, options.partitions())) {
            EgressDrain drain = new EgressDrain(bootstrapServers, backlog, options.partitions(), progress);
            for (EgressVariant variant : EgressVariant.all()) {
                results.add(run(drain, variant));
            }
        }
        return results;
    }

    private ScenarioResult run(EgressDrain drain, EgressVariant variant) {
        int events = SMOKE_EVENTS;
        if (!options.smoke()) {
            EgressOutcome warmUp = drain.run(variant, WARMUP_EVENTS, variant.name() + " warm-up", seed(variant, 0));
            events = sized(warmUp.iteration().eventsPerSec());
        }
        List<EgressOutcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= options.iterations(); i++) {
            outcomes.add(drain.run(variant, events, variant.name() + " " + i + "/" + options.iterations(),
                    seed(variant, i)));
        }
        long deadLettered = outcomes.stream().mapToLong(EgressOutcome::deadLettered).sum();
        if (variant.failureRate() == 0 && deadLettered > 0) {
            progress.relay(String.format(Locale.ROOT, "WARNING %s: %,d records dead-lettered although the receiver"
                    + " answered every request 2xx; see egress's log above for why", variant.name(), deadLettered));
        }
        return new ScenarioResult(variant.name(), describe(variant, events, outcomes),
                outcomes.stream().map(EgressOutcome::iteration).toList());
    }

    private int sized(double eventsPerSec) {
        long target = Math.round(eventsPerSec * options.durationSeconds() / 1_000) * 1_000;
        return (int) Math.max(MIN_EVENTS, Math.min(MAX_EVENTS, target));
    }

    /** Repeatable faults, but not the same sequence in every iteration. */
    private static long seed(EgressVariant variant, int iteration) {
        return 20_091_000L + variant.name().hashCode() * 31L + iteration;
    }

    private String describe(EgressVariant variant, int events, List<EgressOutcome> outcomes) {
        long received = outcomes.stream().mapToLong(EgressOutcome::received).sum();
        long distinct = outcomes.stream().mapToLong(EgressOutcome::distinct).sum();
        long duplicates = outcomes.stream().mapToLong(EgressOutcome::duplicates).sum();
        long deadLettered = outcomes.stream().mapToLong(EgressOutcome::deadLettered).sum();
        long alsoDelivered = outcomes.stream().mapToLong(EgressOutcome::deliveredAndDeadLettered).sum();
        long lost = outcomes.stream().mapToLong(EgressOutcome::lost).sum();
        long requests = outcomes.stream().mapToLong(o -> o.iteration().requests()).sum();
        long failed = outcomes.stream().mapToLong(o -> o.iteration().failedRequests()).sum();
        double startup = Stats.of(outcomes.stream().map(EgressOutcome::startupSeconds).toList()).median();
        return String.format(Locale.ROOT,
                "egress-opsramp (one route from configuration, delivery defaults) draining a backlog of %,d"
                        + " ~%d B opr.events records on %d partitions, written before it starts, to %s; one request"
                        + " in flight per partition. Time from the receiver's first request to the moment it has"
                        + " every event (start-up and group join left out, as for limit-consumer; start-up to first"
                        + " request median %.1f s). Latency: the batch cycle as the receiver sees it, per partition"
                        + " the time between consecutive requests (request, answer, egress's bookkeeping, next"
                        + " request). CPU: the whole bench JVM (broker, egress, receiver simulator, poller)."
                        + " Over %d iteration(s): %,d requests, %,d answered other than 2xx; events received %,d, distinct %,d,"
                        + " duplicates %,d, dead-lettered %,d (of them also received %,d), lost %,d",
                events, BenchOptions.RECORD_SIZE, options.partitions(), variant.describeTarget(), startup,
                outcomes.size(), requests, failed, received, distinct, duplicates, deadLettered, alsoDelivered, lost);
    }
}
