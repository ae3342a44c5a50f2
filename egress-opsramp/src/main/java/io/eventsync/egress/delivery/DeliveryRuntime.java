package io.eventsync.egress.delivery;

import io.eventsync.egress.config.DeliveryProperties;
import io.eventsync.egress.config.EgressProperties;
import io.eventsync.egress.entity.EntityEvent;
import io.eventsync.egress.entity.EntityMapping;
import io.eventsync.egress.route.CompiledRoute;
import io.eventsync.egress.route.IntegrationEvent;
import io.eventsync.egress.routes.RouteTable;
import io.eventsync.egress.secret.RouteSecrets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps one running pipeline per route that can deliver, following the route table: a new or
 * completed route starts, a changed one restarts with its new definition (from its group's
 * committed offsets, so nothing is skipped), a deleted or incomplete one stops. A pipeline that
 * fails (Kafka unavailable, dead-letter topic unwritable) starts again from its committed offsets.
 */
public final class DeliveryRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRuntime.class);

    private final RouteTable table;
    private final RouteSecrets secrets;
    private final EgressProperties egress;
    private final DeliveryProperties properties;
    private final PipelineRunner runner;
    private final Senders senders;
    private final DeadLetters deadLetters;
    private final ForwardingRules rules;
    private final JsonMapper json;
    private final DeliveryMetrics metrics;
    private final EntityMapping mapping = new EntityMapping();
    private final Map<String, Running> running = new HashMap<>();
    private final Set<String> positionedGroups = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    public DeliveryRuntime(RouteTable table, RouteSecrets secrets, EgressProperties egress,
                           DeliveryProperties properties, RecordSource source, PositionedRecordSource.Positions positions,
                           Senders senders, DeadLetters deadLetters, ForwardingRules rules, JsonMapper json,
                           DeliveryMetrics metrics) {
        this.table = table;
        this.secrets = secrets;
        this.egress = egress;
        this.properties = properties;
        this.runner = new PipelineRunner(new PositionedRecordSource(source, positions, positionedGroups::add), metrics);
        this.senders = senders;
        this.deadLetters = deadLetters;
        this.rules = rules;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public void start() {
        started = true;
        // Changes arrive on Kafka client threads (the route feed, a write's callback): never block those.
        table.onChange(() -> Schedulers.boundedElastic().schedule(this::reconcile));
        reconcile();
    }

    @Override
    public synchronized void stop() {
        started = false;
        running.forEach((id, run) -> {
            run.subscription().dispose();
            runner.stopped(id);
        });
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Routes deliver only once the table holds every route, so it starts after the route table. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    /** The routes delivering now, each with the version (update time) of the definition it runs. */
    public synchronized Map<String, Instant> delivering() {
        Map<String, Instant> versions = new HashMap<>();
        running.forEach((id, run) -> versions.put(id, run.version()));
        return Map.copyOf(versions);
    }

    /**
     * Routes delivering here whose start in Kafka is not set yet: until it is, an event published now
     * might not be theirs, so the replica is not ready.
     */
    public synchronized Set<String> awaitingStart() {
        return running.keySet().stream().filter(id -> !positionedGroups.contains(properties.group(id)))
                .collect(Collectors.toUnmodifiableSet());
    }

    synchronized void reconcile() {
        if (!started) {
            return;
        }
        Map<String, IntegrationEvent> routes = table.all().stream()
                .collect(Collectors.toMap(IntegrationEvent::id, route -> route, (a, b) -> a));
        running.keySet().removeIf(id -> {
            IntegrationEvent route = routes.get(id);
            Running current = running.get(id);
            boolean gone = route == null || !route.complete() || !route.updatedAt().equals(current.version());
            if (gone) {
                current.subscription().dispose();
                runner.stopped(id);
                log.info("Route {}: delivery stopped{}", id, route == null ? " (deleted)" : "");
            }
            return gone;
        });
        routes.values().stream().filter(IntegrationEvent::complete).filter(route -> !running.containsKey(route.id()))
                .forEach(route -> compile(route).ifPresent(compiled -> running.put(route.id(),
                        new Running(route.updatedAt(), launch(compiled)))));
    }

    private Optional<CompiledRoute> compile(IntegrationEvent route) {
        try {
            IntegrationEvent.Notifier base = egress.integration(route.tenant(), route.integration())
                    .map(EgressProperties.Integration::notifier).orElse(null);
            CompiledRoute compiled = CompiledRoute.of(secrets.open(route), base);
            return compiled.delivers() ? Optional.of(compiled) : Optional.empty();
        } catch (RuntimeException e) {
            log.warn("Route {} cannot deliver: {}", route.id(), e.getMessage());
            return Optional.empty();
        }
    }

    private Disposable launch(CompiledRoute route) {
        String id = route.definition().id();
        TargetSender<EntityEvent> sender = senders.senderFor(route);
        RouteSelector selector = new RouteSelector(route, mapping, json, sender.usesBody());
        RoutePipeline<EntityEvent> pipeline = new RoutePipeline<>(id, selector, sender, deadLetters, rules,
                properties.maxWait(), metrics);
        String group = properties.group(id);
        log.info("Route {}: delivering to {} (group {})", id, sender.describe(), group);
        return runner.run(id, group, properties.sources(), RecordSource.Start.LATEST,
                ReplayedRecords.forRoute(properties.replayTopic(), id),
                pipeline);
    }

    private record Running(Instant version, Disposable subscription) {
    }
}
