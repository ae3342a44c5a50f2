package io.eventsync.egress.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import io.eventsync.egress.kafka.TopicEnds;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Measures each delivering route's consumer lag as a lag exporter would, from the broker's side:
 * the records on its topics (up to the last stable offset, as its read_committed consumer sees
 * them) after its group's committed offsets. Measured from outside the pipeline, so a route that
 * is stuck (a target down, every partition paused) still shows its lag growing.
 */
public final class ConsumerLag implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final Map<String, Object> adminConfig;
    private final List<String> topics;
    private final Function<String, String> groupOf;
    private final Supplier<Set<String>> routes;
    private final DeliveryMetrics metrics;
    private final Duration interval;
    private final Scheduler scheduler;
    private final long timeoutMillis;
    private Admin admin;
    private Disposable ticks;

    /**
     * @param routes the routes delivering now
     * @param groupOf each route's consumer group
     */
    public ConsumerLag(Map<String, Object> adminConfig, List<String> topics, Function<String, String> groupOf,
                       Supplier<Set<String>> routes, DeliveryMetrics metrics, Duration interval, Scheduler scheduler) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.topics = List.copyOf(topics);
        this.groupOf = groupOf;
        this.routes = routes;
        this.metrics = metrics;
        this.interval = interval;
        this.scheduler = scheduler;
        this.timeoutMillis = Math.max(1_000, interval.toMillis());
    }

    @Override
    public synchronized void start() {
        admin = Admin.create(adminConfig);
        ticks = Flux.interval(interval, interval, scheduler).onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::measure).subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> {
                            log.debug("Consumer lag not measured this time: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        if (ticks != null) {
            ticks.dispose();
            admin.close(Duration.ofSeconds(5));
            ticks = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticks != null;
    }

    /** Blocking: one measurement of every delivering route. */
    void measure() {
        Set<String> delivering = routes.get();
        if (delivering.isEmpty()) {
            return;
        }
        try {
            Map<TopicPartition, Long> ends = TopicEnds.of(admin, topics, timeoutMillis);
            for (String route : delivering) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupOf.apply(route))
                        .partitionsToOffsetAndMetadata().get(timeoutMillis, TimeUnit.MILLISECONDS);
                long lag = 0;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    if (at != null) {
                        lag += Math.max(0, end.getValue() - at.offset());
                    }
                }
                metrics.lag(route, lag);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
