package io.eventsync.gateway.readmodel;

import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.OprRecordKind;
import io.eventsync.contracts.topic.RecordHeaderNames;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Feeds the read model from the topic: one thread reads every partition from the beginning (no
 * consumer group; every replica sees everything) and keeps reading. {@link #awaitCaughtUp}
 * gives read-your-writes: it waits until everything the broker holds right now has been applied.
 */
public final class ReadModelFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadModelFeed.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Admin admin;
    private final String topic;
    private final Deserializer<OprRecord> values;
    private final EventReadModel model;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean caughtUpOnce = new AtomicBoolean();
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    public ReadModelFeed(Supplier<Consumer<String, byte[]>> consumers, Admin admin, String topic,
                         Deserializer<OprRecord> values, EventReadModel model) {
        this.consumers = consumers;
        this.admin = admin;
        this.topic = topic;
        this.values = values;
        this.model = model;
    }

    public void start() {
        if (running.compareAndSet(false, true)) {
            thread = new Thread(this::run, "read-model-feed");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        while (running.get()) {
            try (Consumer<String, byte[]> c = consumers.get()) {
                consumer = c;
                List<TopicPartition> partitions = assign(c);
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records = c.poll(POLL);
                    for (ConsumerRecord<String, byte[]> record : records) {
                        applyOne(record);
                    }
                    for (TopicPartition partition : partitions) {
                        positions.put(partition, c.position(partition));
                    }
                    if (c.partitionsFor(topic).size() != partitions.size()) {
                        break;
                    }
                }
            } catch (WakeupException e) {
                // close() woke us up
            } catch (RuntimeException e) {
                log.warn("read model feed restarting after: {}", e.toString());
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    private List<TopicPartition> assign(Consumer<String, byte[]> c) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long known = positions.get(partition);
            if (known == null) {
                c.seekToBeginning(List.of(partition));
            } else {
                c.seek(partition, known);
            }
        }
        return partitions;
    }

    private void applyOne(ConsumerRecord<String, byte[]> record) {
        String kind = header(record, RecordHeaderNames.KIND);
        String server = header(record, RecordHeaderNames.CONNECTED_SERVER);
        String externalId = header(record, RecordHeaderNames.EXTERNAL_ID);
        if (OprRecordKind.EVENT.wireName().equals(kind) && server != null && externalId != null
                && record.value() != null) {
            byte[] value = record.value();
            String from = record.topic();
            boolean closed = State.CLOSED.wireName().equals(header(record, RecordHeaderNames.OPR_STATE));
            model.applyEvent(server, externalId, closed, () -> values.deserialize(from, value));
            return;
        }
        try {
            OprRecord value = values.deserialize(record.topic(), record.value());
            if (value != null) {
                model.apply(value);
            }
        } catch (RuntimeException e) {
            log.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Completes with {@code true} once every record the broker holds now has been applied, or
     * {@code false} when that takes longer than {@code wait} (or the broker cannot say).
     */
    public Mono<Boolean> awaitCaughtUp(Duration wait) {
        return endOffsets()
                .flatMap(ends -> Flux.interval(Duration.ZERO, Duration.ofMillis(10))
                        .filter(tick -> reached(ends))
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

    /** Whether the model has, at least once, held everything the topic held: readiness. */
    public boolean hasCaughtUpOnce() {
        return caughtUpOnce.get();
    }

    private Mono<Map<TopicPartition, Long>> endOffsets() {
        return Mono.fromFuture(() -> admin.describeTopics(List.of(topic)).allTopicNames()
                        .toCompletionStage().toCompletableFuture())
                .flatMap(descriptions -> {
                    Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
                    descriptions.get(topic).partitions()
                            .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                    ListOffsetsResult result = admin.listOffsets(request,
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
                    return Mono.fromFuture(() -> result.all().toCompletionStage().toCompletableFuture());
                })
                .map(answers -> {
                    Map<TopicPartition, Long> ends = new java.util.HashMap<>();
                    answers.forEach((partition, info) -> ends.put(partition, info.offset()));
                    return ends;
                });
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (end.getValue() > 0 && positions.getOrDefault(end.getKey(), 0L) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        running.set(false);
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
