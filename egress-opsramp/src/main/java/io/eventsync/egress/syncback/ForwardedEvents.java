package io.eventsync.egress.syncback;

import io.eventsync.egress.kafka.TopicEnds;
import io.eventsync.egress.kafka.TopicFollower;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events OMi forwarded, by eventsync's external id, as {@code opr.events} says: which OMi
 * event and which connected server each is. Only those may be synchronized back (seed 001). Every
 * replica reads the whole topic; an external id not known yet waits, bounded, for the topic to be
 * read to its current end, so a change that follows its event closely is not refused; before the
 * topic has been read once, every lookup waits for that.
 */
public final class ForwardedEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ForwardedEvents.class);
    private static final Duration PAUSE = Duration.ofMillis(100);

    private final Map<String, Forwarded> byExternalId = new ConcurrentHashMap<>();
    private final TopicFollower follower;
    private final Map<String, Object> adminConfig;
    /** Asks where the topic ends on a lookup miss; one client for the view's life, not one per miss. */
    private volatile Admin admin;
    private final Duration lookupWait;
    private final JsonMapper json;
    private final boolean needed;

    /** @param needed whether anything (sync-back, the hook) uses it; otherwise it does not read the topic */
    public ForwardedEvents(Supplier<Consumer<String, byte[]>> consumers, String topic, Map<String, Object> adminConfig,
                           Duration lookupWait, JsonMapper json, boolean needed) {
        this.needed = needed;
        this.adminConfig = Map.copyOf(adminConfig);
        this.lookupWait = lookupWait;
        this.json = json;
        this.follower = new TopicFollower("forwarded-events", consumers, topic, this::read,
                () -> log.info("Forwarded events caught up: {} event(s) from {}", byExternalId.size(), topic));
    }

    /** The event with this external id, if OMi forwarded it; waits (off the caller's thread) while in doubt. */
    public Mono<Optional<Forwarded>> find(String externalId) {
        Forwarded known = byExternalId.get(externalId);
        if (known != null) {
            return Mono.just(Optional.of(known));
        }
        return Mono.fromCallable(() -> awaitCurrentEnd(externalId)).subscribeOn(Schedulers.boundedElastic());
    }

    public boolean caughtUp() {
        return follower.caughtUp();
    }

    private Optional<Forwarded> awaitCurrentEnd(String externalId) throws InterruptedException {
        // Until the topic is read once, any id may still come: refusing would be wrong, waiting is backpressure.
        while (!follower.caughtUp() && follower.isRunning()) {
            Thread.sleep(PAUSE.toMillis());
        }
        if (byExternalId.containsKey(externalId)) {
            return Optional.of(byExternalId.get(externalId));
        }
        long deadline = System.nanoTime() + lookupWait.toNanos();
        Map<TopicPartition, Long> ends = ends();
        while (!follower.hasRead(ends) && System.nanoTime() < deadline) {
            Thread.sleep(PAUSE.toMillis());
        }
        return Optional.ofNullable(byExternalId.get(externalId));
    }

    private Map<TopicPartition, Long> ends() {
        Admin current = admin;
        if (current == null) {
            // Not started (or stopped): the pipeline fails and starts again from its committed offsets.
            throw new IllegalStateException("the view of " + follower.topic() + " is not running");
        }
        try {
            return TopicEnds.of(current, List.of(follower.topic()), lookupWait.toMillis());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read where " + follower.topic() + " ends", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            JsonNode value = json.readTree(record.value());
            String externalId = value.path("external_id").asString("");
            String omiId = value.path("omi_event_id").asString("");
            String server = value.path("connected_server").asString("");
            if (!externalId.isEmpty() && !omiId.isEmpty()) {
                byExternalId.putIfAbsent(externalId, new Forwarded(externalId, omiId, server));
            }
        } catch (JacksonException e) {
            log.debug("Record {}-{}@{} is not an OPR record; skipped", record.topic(), record.partition(),
                    record.offset());
        }
    }

    @Override
    public boolean isAutoStartup() {
        return needed;
    }

    @Override
    public synchronized void start() {
        admin = Admin.create(adminConfig);
        follower.start();
    }

    @Override
    public synchronized void stop() {
        follower.stop();
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    @Override
    public boolean isRunning() {
        return follower.isRunning();
    }

    /** An event OMi forwarded: its OMi id, and the connected server it was forwarded to. */
    public record Forwarded(String externalId, String omiEventId, String connectedServer) {
    }
}
