package io.eventsync.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A downstream subscriber that stays subscribed: read_committed, from the start, and each
 * {@link #caughtUp()} reads only what arrived since the last one. Tests that wait for tens of
 * thousands of records use it instead of re-reading the topic on every check. Not thread-safe,
 * as a Kafka consumer is not.
 */
public final class TopicFollower<V> implements AutoCloseable {

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, V> consumer;
    private final String topic;
    private final List<ConsumerRecord<String, V>> records = new ArrayList<>();
    private List<TopicPartition> partitions = List.of();

    /** The topic need not exist yet: following starts once it does. */
    public TopicFollower(String bootstrap, String topic, Deserializer<V> values) {
        this.consumer = TopicReader.open(bootstrap, values);
        this.topic = topic;
    }

    /** Every committed record from the start of the topic up to its end as of this call, in arrival order. */
    public List<ConsumerRecord<String, V>> caughtUp() {
        if (partitions.isEmpty()) {
            partitions = TopicReader.assignFromBeginning(consumer, topic);
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        Instant until = Instant.now().plus(CATCH_UP_LIMIT);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("could not read to the end of " + partitions + " in " + CATCH_UP_LIMIT);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
