package io.eventsync.ingest.checkpoint;

import io.eventsync.contracts.ofsc.OfscCheckpoint;
import io.eventsync.contracts.ofsc.OfscCheckpointSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted checkpoint topic to its end, as committed ({@code read_committed}): what a
 * poller resumes from. Called after the poller's transactional producer has fenced any older one,
 * so a transaction that older poller left open is already aborted or committed and the end read
 * here is final.
 */
public final class CheckpointReader {

    private static final Logger log = LoggerFactory.getLogger(CheckpointReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final Duration timeout;
    private final OfscCheckpointSerde serde = new OfscCheckpointSerde();

    /** @param consumers read_committed consumers without a group; each read opens and closes one */
    public CheckpointReader(Supplier<Consumer<String, byte[]>> consumers, String topic, Duration timeout) {
        this.consumers = consumers;
        this.topic = topic;
        this.timeout = timeout;
    }

    /** Latest checkpoint per subscription id (tombstones remove it). Blocking. */
    public Map<String, OfscCheckpoint> readAll() {
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("checkpoint topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<String, OfscCheckpoint> latest = new HashMap<>();
            long deadline = System.nanoTime() + timeout.toNanos() * 6;
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in time");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    apply(latest, record);
                }
            }
            return latest;
        }
    }

    /** The newest checkpoint of a subscription this configuration created (found by name and instance). */
    public static Optional<OfscCheckpoint> byName(Map<String, OfscCheckpoint> checkpoints, String name, String instance) {
        return checkpoints.values().stream()
                .filter(c -> name.equals(c.subscriptionName()) && instance.equals(c.instance()))
                .max((a, b) -> a.committedAt().compareTo(b.committedAt()));
    }

    private void apply(Map<String, OfscCheckpoint> latest, ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            latest.remove(record.key());
            return;
        }
        try {
            latest.put(record.key(), serde.deserializer().deserialize(topic, record.value()));
        } catch (SerializationException e) {
            // Someone else's record on our topic must not stop every poller; the older checkpoint stands.
            log.warn("Ignoring an unreadable checkpoint at {}-{}@{}", topic, record.partition(), record.offset());
        }
    }

    private static boolean reachedEnd(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
