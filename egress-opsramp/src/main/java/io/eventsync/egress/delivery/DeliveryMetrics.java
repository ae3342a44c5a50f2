package io.eventsync.egress.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Every delivery meter (names and labels documented in egress-opsramp/README.md). */
public final class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Map<String, RouteGauges> gauges = new ConcurrentHashMap<>();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param status the HTTP status, 0 for no answer */
    public void request(String route, int status, int items, Duration took) {
        Timer.builder("eventsync.egress.requests").description("requests to targets, by answer")
                .tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram().register(registry).record(took);
        DistributionSummary.builder("eventsync.egress.batch.size").description("items per request")
                .tag("route", route).publishPercentileHistogram().register(registry).record(items);
    }

    public void delivered(String route, int count) {
        counter("eventsync.egress.delivered", "records delivered", route).increment(count);
    }

    public void retried(String route, int count) {
        counter("eventsync.egress.retried", "records sent again (unanswered, retryable failure, throttled)", route)
                .increment(count);
    }

    public void split(String route) {
        counter("eventsync.egress.splits", "bulk requests split into single ones after a 5xx", route).increment();
    }

    public void deadLettered(String route, int status, int count) {
        Counter.builder("eventsync.egress.dead.letters").description("records written to the dead-letter topic")
                .tag("route", route).tag("status", Integer.toString(status)).register(registry).increment(count);
    }

    public void tokenRequest() {
        Counter.builder("eventsync.egress.token.requests").description("OAuth2 token requests to targets' token URLs")
                .register(registry).increment();
    }

    /** The gauges of a route that delivers now; {@link #release} removes them when it stops. */
    public RouteGauges gauges(String route) {
        return gauges.computeIfAbsent(route, id -> new RouteGauges(registry, id));
    }

    public void release(String route) {
        RouteGauges released = gauges.remove(route);
        if (released != null) {
            released.meters.forEach(registry::remove);
        }
    }

    /** Sets the consumer lag of a route that delivers now; a route that stopped in between is left alone. */
    public void lag(String route, long records) {
        RouteGauges current = gauges.get(route);
        if (current != null) {
            current.lag.set(records);
        }
    }

    private Counter counter(String name, String description, String route) {
        return Counter.builder(name).description(description).tag("route", route).register(registry);
    }

    /** What a route holds right now: records read and not yet done, requests awaiting an answer, its lag. */
    public static final class RouteGauges {

        private final AtomicLong pending = new AtomicLong();
        private final AtomicLong inFlight = new AtomicLong();
        private final AtomicLong lag = new AtomicLong();
        private final List<Meter> meters;

        private RouteGauges(MeterRegistry registry, String route) {
            meters = List.of(
                    Gauge.builder("eventsync.egress.records.pending", pending, AtomicLong::get).tag("route", route)
                            .description("records read from Kafka, not yet delivered, dead-lettered or passed")
                            .register(registry),
                    Gauge.builder("eventsync.egress.requests.in.flight", inFlight, AtomicLong::get).tag("route", route)
                            .description("requests sent to the target and not yet answered").register(registry),
                    Gauge.builder("eventsync.egress.consumer.lag", lag, AtomicLong::get).tag("route", route)
                            .description("records on the route's topics after its group's committed offsets")
                            .register(registry));
        }

        /** Counts the record as pending until it is acknowledged (once, however often that is called). */
        public SourceRecord track(SourceRecord record) {
            pending.incrementAndGet();
            AtomicBoolean done = new AtomicBoolean();
            Runnable acknowledge = record.acknowledge();
            return new SourceRecord(record.topic(), record.partition(), record.offset(), record.key(), record.headers(),
                    record.value(), () -> {
                        if (done.compareAndSet(false, true)) {
                            pending.decrementAndGet();
                        }
                        acknowledge.run();
                    });
        }

        void clearPending() {
            pending.set(0);
        }

        void requestStarted() {
            inFlight.incrementAndGet();
        }

        void requestEnded() {
            inFlight.decrementAndGet();
        }
    }
}
