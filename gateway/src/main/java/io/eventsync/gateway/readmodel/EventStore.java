package io.eventsync.gateway.readmodel;

import io.eventsync.contracts.topic.OprRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The read model: every OMi event as it stands now, by external id, in a RocksDB store on disk that
 * Kafka Streams keeps as a global store over the compacted state topic (decision 0013). Every replica
 * holds all of it, reads no consumer group, and on a restart goes on from its last checkpoint rather
 * than re-reading the topic; a replica that starts without a store rebuilds it from the topic, which
 * holds the latest state of every event and nothing older. The heap holds none of it.
 *
 * <p>{@link #awaitCaughtUp} gives read-your-writes across replicas: it waits until the store has applied
 * everything the state topic held when it was asked. If Kafka Streams stops on an error, a new instance
 * goes on from the store on disk.
 */
public final class EventStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventStore.class);
    private static final Duration RESTART_AFTER = Duration.ofSeconds(1);

    private final Properties config;
    private final String topic;
    private final Admin admin;
    private final Deserializer<OprRecord> records;
    private final StorePositions positions = new StorePositions();
    private final AtomicBoolean caughtUpOnce = new AtomicBoolean();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-restart");
        thread.setDaemon(true);
        return thread;
    });
    private volatile KafkaStreams streams;
    private volatile ReadOnlyKeyValueStore<String, byte[]> store;
    private volatile boolean closed;

    /**
     * @param config Kafka Streams' configuration (application id, state directory, clients)
     * @param topic the compacted state topic
     */
    public EventStore(Properties config, String topic, Admin admin, Deserializer<OprRecord> records) {
        this.config = config;
        this.topic = topic;
        this.admin = admin;
        this.records = records;
    }

    /**
     * Starts keeping the store, in the background: Kafka Streams' start returns only once it has brought
     * the store up to the topic, which for a new replica means reading all of it, and the gateway must
     * answer probes meanwhile (readiness waits for {@link #hasCaughtUpOnce}).
     */
    public void start() {
        restarts.execute(this::launch);
    }

    private synchronized void launch() {
        if (closed) {
            return;
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EventStateUpdater.STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                topic, Consumed.with(Serdes.String(), Serdes.ByteArray()), () -> new EventStateUpdater(positions));
        KafkaStreams started = new KafkaStreams(builder.build(), config);
        started.setUncaughtExceptionHandler(error -> {
            log.warn("read model stopped on {}; starting again from its store on disk", error.toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        started.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR && !closed) {
                restarts.schedule(() -> restart(started), RESTART_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        store = null;
        streams = started;
        started.start();
    }

    private synchronized void restart(KafkaStreams failed) {
        if (closed || streams != failed) {
            return;
        }
        failed.close(Duration.ofSeconds(10));
        launch();
    }

    /** The event, or empty when the store does not hold it (or is not open yet). */
    public Optional<KnownEvent> find(String externalId) {
        ReadOnlyKeyValueStore<String, byte[]> open = store();
        byte[] stored = open == null ? null : open.get(externalId);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            OprRecord record = records.deserialize(topic, StoredEvent.record(stored));
            if (record == null || record.event() == null || !externalId.equals(record.externalId())) {
                return Optional.empty();
            }
            return Optional.of(new KnownEvent(record.connectedServer(), record.omiEventId(), externalId,
                    record.event()));
        } catch (RuntimeException e) {
            log.warn("skipping unreadable state of {}: {}", externalId, e.getMessage());
            return Optional.empty();
        }
    }

    /** Records of the state topic applied to the store since this process started. */
    public long applied() {
        return positions.applied();
    }

    /** Events held (an estimate, as RocksDB keeps it). */
    public long size() {
        ReadOnlyKeyValueStore<String, byte[]> open = store();
        return open == null ? 0 : open.approximateNumEntries();
    }

    /**
     * Completes with {@code true} once the store has applied every record the state topic holds now, or
     * {@code false} when that takes longer than {@code wait} (or Kafka cannot say).
     */
    public Mono<Boolean> awaitCaughtUp(Duration wait) {
        return endOffsets()
                .flatMap(ends -> Flux.interval(Duration.ZERO, Duration.ofMillis(10))
                        .filter(tick -> store() != null && positions.reached(ends))
                        .next()
                        .map(tick -> true))
                .timeout(wait, Mono.just(false))
                .onErrorReturn(false)
                .doOnNext(caught -> {
                    if (caught) {
                        caughtUpOnce.set(true);
                    }
                });
    }

    /** Whether the store has, at least once, held everything the topic held: readiness. */
    public boolean hasCaughtUpOnce() {
        return caughtUpOnce.get();
    }

    private ReadOnlyKeyValueStore<String, byte[]> store() {
        ReadOnlyKeyValueStore<String, byte[]> open = store;
        KafkaStreams current = streams;
        if (open != null || current == null || current.state() != KafkaStreams.State.RUNNING) {
            return open;
        }
        try {
            open = current.store(StoreQueryParameters.fromNameAndType(EventStateUpdater.STORE,
                    QueryableStoreTypes.keyValueStore()));
            store = open;
            return open;
        } catch (InvalidStateStoreException e) {
            return null;
        }
    }

    private Mono<Map<Integer, Long>> endOffsets() {
        return Mono.fromFuture(() -> admin.describeTopics(List.of(topic)).allTopicNames()
                        .toCompletionStage().toCompletableFuture())
                .flatMap(descriptions -> {
                    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                    descriptions.get(topic).partitions()
                            .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                    var result = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
                    return Mono.fromFuture(() -> result.all().toCompletionStage().toCompletableFuture());
                })
                .map(answers -> {
                    Map<Integer, Long> ends = new HashMap<>();
                    answers.forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
                    return ends;
                });
    }

    @Override
    public synchronized void close() {
        closed = true;
        restarts.shutdownNow();
        KafkaStreams current = streams;
        if (current != null) {
            current.close(Duration.ofSeconds(30));
        }
    }
}
