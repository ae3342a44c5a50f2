package io.eventsync.egress.hook;

import io.eventsync.egress.delivery.PipelineRunner;
import io.eventsync.egress.delivery.RecordSource;
import io.eventsync.egress.delivery.RoutePipeline;
import io.eventsync.egress.delivery.TargetAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/**
 * The back-sync hook's life: {@code Init} once at start; if that succeeds, a pipeline that calls
 * {@code Close <external id>} for every closed event (at-least-once, in order per event, a failed
 * call retried with backoff and, past the attempts, dead-lettered with route {@code back-sync}).
 * If the hook cannot be started or fails at {@code Init}, it is not called again, and health
 * ({@code backSync} DOWN) and metrics ({@code eventsync_egress_back_sync_hook_up} 0) say so, as
 * seed 004 stops ombacksync and raises an event on a broken script.
 */
public final class BackSyncHookRuntime implements SmartLifecycle, HealthIndicator {

    /** The hook's name in metrics and dead letters (where routes put their id). */
    public static final String ID = "back-sync";
    private static final Logger log = LoggerFactory.getLogger(BackSyncHookRuntime.class);

    private final Optional<Hook> hook;
    private final HookMetrics metrics;
    private final PipelineRunner runner;
    private final String group;
    private final List<String> topics;
    private final RoutePipeline<String> pipeline;
    private final Duration timeout;
    private volatile String failure;
    private Disposable running;
    private boolean started;

    BackSyncHookRuntime(Optional<Hook> hook, HookMetrics metrics, PipelineRunner runner, String group,
                        List<String> topics, RoutePipeline<String> pipeline, Duration timeout) {
        this.hook = hook;
        this.metrics = metrics;
        this.runner = runner;
        this.group = group;
        this.topics = List.copyOf(topics);
        this.pipeline = pipeline;
        this.timeout = timeout;
    }

    @Override
    public synchronized void start() {
        started = true;
        if (hook.isEmpty()) {
            return;
        }
        TargetAnswer init = hook.get().call(Hook.INIT, Optional.empty())
                .blockOptional(timeout.plusSeconds(5)).orElse(TargetAnswer.noAnswer("no answer"));
        metrics.called(Hook.INIT, init);
        if (!init.success()) {
            failure = "Init failed (" + (init.status() == 0 ? "no answer" : "status " + init.status()) + "): "
                    + init.excerpt();
            metrics.up(false);
            log.error("Back-sync hook {} is not used: {}. Fix it and restart egress.", hook.get().describe(), failure);
            return;
        }
        metrics.up(true);
        log.info("Back-sync hook {}: Init done; calling Close for closed events (group {})", hook.get().describe(),
                group);
        // On a first start every close still in the topics is called: a Close may repeat, none is missed.
        running = runner.run(ID, group, topics, RecordSource.Start.EARLIEST, record -> true, pipeline);
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (running != null) {
            running.dispose();
            runner.stopped(ID);
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return started;
    }

    @Override
    public Health health() {
        if (hook.isEmpty()) {
            return Health.up().withDetail("hook", "none configured").build();
        }
        String reason = failure;
        return (reason == null ? Health.up() : Health.down().withDetail("error", reason))
                .withDetail("hook", hook.get().describe()).build();
    }
}
