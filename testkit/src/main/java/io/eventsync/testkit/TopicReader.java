package io.eventsync.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic the way a downstream subscriber would: read_committed, from the start, no
 * group. What tests assert "on the topic" against.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record on the topic, reading until {@code done} holds or {@code max} has passed. */
    public static <V> List<ConsumerRecord<String, V>> readUntil(String bootstrap, String topic,
            Deserializer<V> values, Predicate<List<ConsumerRecord<String, V>>> done, Duration max) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = openAtBeginning(bootstrap, topic, values)) {
            Instant until = Instant.now().plus(max);
            while (Instant.now().isBefore(until) && !done.test(records)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Exactly what the topic holds now (as committed): reads until every partition's end offset. */
    public static <V> List<ConsumerRecord<String, V>> readToEnd(String bootstrap, String topic,
                                                                Deserializer<V> values) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = openAtBeginning(bootstrap, topic, values)) {
            List<TopicPartition> partitions = List.copyOf(consumer.assignment());
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(until)
                    && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    static <V> KafkaConsumer<String, V> openAtBeginning(String bootstrap, String topic, Deserializer<V> values) {
        KafkaConsumer<String, V> consumer = open(bootstrap, values);
        assignFromBeginning(consumer, topic);
        return consumer;
    }

    /** A read_committed consumer with no group; it never creates a topic by asking for it. */
    static <V> KafkaConsumer<String, V> open(String bootstrap, Deserializer<V> values) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }

    /** Assigns every partition the topic has now, from offset 0; none while the topic does not exist. */
    static List<TopicPartition> assignFromBeginning(KafkaConsumer<String, ?> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }
}
