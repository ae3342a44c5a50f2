package io.eventsync.egress.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Every delivery meter (names and labels documented in egress-opsramp/README.md). */
public final class DeliveryMetrics {

    private final MeterRegistry registry;

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

    private Counter counter(String name, String description, String route) {
        return Counter.builder(name).description(description).tag("route", route).register(registry);
    }
}
