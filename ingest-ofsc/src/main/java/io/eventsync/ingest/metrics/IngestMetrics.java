package io.eventsync.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every meter ingest publishes (names and labels documented in ingest-ofsc/README.md). */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong> newestEventSecond = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> up = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public void eventsProduced(String subscription, String eventType, int count) {
        Counter.builder("eventsync.ingest.events").description("OFSC events produced to Kafka (committed)")
                .tag("subscription", subscription).tag("type", eventType).register(registry).increment(count);
    }

    public void eventsSkipped(String subscription, int count) {
        Counter.builder("eventsync.ingest.events.skipped")
                .description("events a since recovery recognised as already produced")
                .tag("subscription", subscription).register(registry).increment(count);
    }

    /** @param result {@code full}, {@code partial} or {@code empty} */
    public void page(String subscription, String result) {
        Counter.builder("eventsync.ingest.pages").description("pages fetched")
                .tag("subscription", subscription).tag("result", result).register(registry).increment();
    }

    /** @param outcome {@code ok} or the failure's HTTP status ({@code 0} for no answer) */
    public void apiCall(String operation, String outcome, Duration took) {
        Timer.builder("eventsync.ingest.api").description("OFSC API calls")
                .tag("operation", operation).tag("outcome", outcome)
                .publishPercentileHistogram().register(registry).record(took);
    }

    public void apiError(String subscription, int status) {
        Counter.builder("eventsync.ingest.api.errors").description("failed OFSC calls by HTTP status (0 = no answer)")
                .tag("subscription", subscription).tag("status", Integer.toString(status))
                .register(registry).increment();
    }

    /** @param result {@code committed} or {@code aborted} */
    public void transaction(String subscription, String result) {
        Counter.builder("eventsync.ingest.transactions").description("Kafka transactions")
                .tag("subscription", subscription).tag("result", result).register(registry).increment();
    }

    public void recovery(String subscription, String reason) {
        Counter.builder("eventsync.ingest.recoveries")
                .description("since recoveries after OFSC refused a marker: events may have been skipped")
                .tag("subscription", subscription).tag("reason", reason).register(registry).increment();
    }

    /** The newest event time committed, for the lag gauge: now minus that. */
    public void newestEvent(String subscription, Instant time) {
        lagHolder(subscription).accumulateAndGet(time.getEpochSecond(), Math::max);
    }

    public void up(String subscription, boolean running) {
        up.computeIfAbsent(subscription, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("eventsync.ingest.subscription.up", value, AtomicLong::get)
                    .description("1 while the subscription is polled, 0 once it stopped for good")
                    .tag("subscription", name).register(registry);
            return value;
        }).set(running ? 1 : 0);
    }

    private AtomicLong lagHolder(String subscription) {
        return newestEventSecond.computeIfAbsent(subscription, name -> {
            AtomicLong newest = new AtomicLong(Long.MIN_VALUE);
            Gauge.builder("eventsync.ingest.lag", newest,
                            value -> value.get() == Long.MIN_VALUE ? Double.NaN
                                    : clock.instant().getEpochSecond() - value.get())
                    .description("now minus the newest committed event time, seconds")
                    .baseUnit("seconds").tag("subscription", name).register(registry);
            return newest;
        });
    }
}
