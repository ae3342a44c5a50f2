package io.eventsync.egress.hook;

import io.eventsync.egress.delivery.TargetAnswer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** The hook's meters: whether it is in use, and its calls by operation and outcome. */
final class HookMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger up = new AtomicInteger();

    HookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registered only once a hook has been tried, so "no hook configured" shows as no series, not as 0. */
    void up(boolean value) {
        Gauge.builder("eventsync.egress.back.sync.hook.up", up, AtomicInteger::get)
                .description("1 while the back-sync hook is in use, 0 after it failed to start (it is not called)")
                .register(registry);
        up.set(value ? 1 : 0);
    }

    void called(String operation, TargetAnswer answer) {
        String outcome = answer.success() ? "ok" : answer.status() == 0 ? "timeout" : "failed";
        Counter.builder("eventsync.egress.back.sync.calls").description("back-sync hook calls, by outcome")
                .tag("operation", operation).tag("outcome", outcome).register(registry).increment();
    }
}
