package io.eventsync.egress.routes;

import io.eventsync.egress.kafka.TopicFollower;
import io.eventsync.egress.route.IntegrationEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route, as the route topic says, on every replica: it reads the topic from the start and
 * then follows it, so a route defined through any replica reaches all of them without a restart.
 * The route topic has one partition (it is small, and one partition keeps writes in order), so
 * the record offset orders every change: a change this replica wrote itself is applied at once,
 * and the same change read back later, or an older one read after it, changes nothing.
 */
public final class RouteTable implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RouteTable.class);
    private final String topic;
    private final JsonMapper json;
    private final TopicFollower follower;
    /** Offset of routes from configuration: above any record's, so the topic never overrides them. */
    private static final long CONFIGURED = Long.MAX_VALUE;

    private final Map<String, Versioned> routes = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public RouteTable(Supplier<Consumer<String, byte[]>> consumers, String topic, JsonMapper json) {
        this.topic = topic;
        this.json = json;
        this.follower = new TopicFollower("route-table", consumers, topic, this::read,
                () -> log.info("Route table caught up: {} route(s) from {}", all().size(), topic));
    }

    public Optional<IntegrationEvent> get(RouteKey key) {
        return Optional.ofNullable(routes.get(key.text())).map(Versioned::route);
    }

    /** The routes of one installed integration, oldest first. */
    public List<IntegrationEvent> list(String tenant, String integration) {
        String prefix = tenant + "/" + integration + "/";
        List<IntegrationEvent> found = new ArrayList<>();
        routes.forEach((key, versioned) -> {
            if (key.startsWith(prefix) && versioned.route() != null) {
                found.add(versioned.route());
            }
        });
        found.sort(Comparator.comparing(IntegrationEvent::createdAt).thenComparing(IntegrationEvent::id));
        return found;
    }

    public List<IntegrationEvent> all() {
        return routes.values().stream().map(Versioned::route).filter(Objects::nonNull).toList();
    }

    /**
     * Routes given in configuration: the same on every replica (same configuration), never in the
     * topic, not changeable through the API.
     */
    public void configure(List<IntegrationEvent> configured) {
        configured.forEach(route -> apply(new RouteKey(route.tenant(), route.integration(), route.id()), route,
                CONFIGURED));
    }

    public boolean isConfigured(RouteKey key) {
        Versioned versioned = routes.get(key.text());
        return versioned != null && versioned.offset() == CONFIGURED;
    }

    /** True once the topic has been read to the end it had at start: before that, routes may be missing. */
    public boolean caughtUp() {
        return follower.caughtUp();
    }

    /** Called after each change, on the thread that made it. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Applies a change at {@code offset}; {@code route == null} deletes. Older offsets change nothing. */
    void apply(RouteKey key, IntegrationEvent route, long offset) {
        apply(key.text(), route, offset);
    }

    private void apply(String key, IntegrationEvent route, long offset) {
        boolean[] changed = {false};
        routes.compute(key, (k, current) -> {
            if (current != null && current.offset() >= offset) {
                return current;
            }
            changed[0] = true;
            // A deletion is kept (without a route) so that an older record read after it changes nothing.
            return new Versioned(route, offset);
        });
        if (changed[0]) {
            listeners.forEach(Runnable::run);
        }
    }

    @Override
    public void start() {
        follower.start();
    }

    @Override
    public void stop() {
        follower.stop();
    }

    @Override
    public boolean isRunning() {
        return follower.isRunning();
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            apply(record.key(), null, record.offset());
            return;
        }
        try {
            apply(record.key(), json.readValue(record.value(), IntegrationEvent.class), record.offset());
        } catch (JacksonException e) {
            log.warn("Route {} at offset {} of {} is unreadable and was skipped: {}", record.key(), record.offset(),
                    topic, e.getOriginalMessage());
        }
    }

    private record Versioned(IntegrationEvent route, long offset) {
    }
}
