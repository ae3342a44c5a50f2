package io.eventsync.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway's own meters (HTTP request meters come from Spring). Names are part of the
 * dashboards' and alerts' contract: see gateway/README.md.
 */
public final class GatewayMetrics {

    private final MeterRegistry registry;
    private final Timer publishLatency;
    private final DistributionSummary bulkSize;

    public GatewayMetrics(MeterRegistry registry, Supplier<Number> inFlight) {
        this.registry = registry;
        this.publishLatency = Timer.builder("eventsync.gateway.publish")
                .description("Time from handing items to the producer to the broker's last acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
        this.bulkSize = DistributionSummary.builder("eventsync.gateway.bulk.items")
                .description("Items per bulk request")
                .baseUnit("items")
                .publishPercentileHistogram()
                .maximumExpectedValue(100_000.0)
                .register(registry);
        registry.gauge("eventsync.gateway.inflight.items", java.util.Collections.emptyList(), inFlight,
                s -> s.get().doubleValue());
    }

    /**
     * Items of one kind ({@code event}, {@code event_change} from OMi, {@code sync-back} from third
     * parties) accepted (acknowledged by Kafka) or rejected, with the reason.
     */
    public void items(String kind, String result, String reason, int count) {
        if (count > 0) {
            Counter.builder("eventsync.gateway.items")
                    .description("Items received, by kind, result and reason")
                    .tag("kind", kind).tag("result", result).tag("reason", reason)
                    .register(registry).increment(count);
        }
    }

    /**
     * A request answered under overload without its body being read: {@code answer} {@code empty_list}
     * (a bulk, which OMi resends as a bulk) or {@code 503} (one item, which OMi resends after Retry-After).
     */
    public void shed(String kind, String answer) {
        Counter.builder("eventsync.gateway.shed")
                .description("Requests answered under overload without being read, by kind and answer")
                .tag("kind", kind).tag("answer", answer)
                .register(registry).increment();
    }

    public void bulk(int items) {
        bulkSize.record(items);
    }

    public void published(long nanos) {
        publishLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void kafkaError(Throwable error) {
        Counter.builder("eventsync.gateway.kafka.errors")
                .description("Errors from the Kafka producer, by exception")
                .tag("error", error.getClass().getSimpleName())
                .register(registry).increment();
    }
}
