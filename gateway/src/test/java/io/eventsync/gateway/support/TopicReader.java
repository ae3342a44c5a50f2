package io.eventsync.gateway.support;

import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.OprRecordSerde;
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
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic the way a downstream subscriber would (read_committed, from the start). */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record on the topic, reading until {@code done} holds or {@code max} has passed. */
    public static List<ConsumerRecord<String, OprRecord>> readUntil(String bootstrap, String topic,
            Predicate<List<ConsumerRecord<String, OprRecord>>> done, Duration max) {
        List<ConsumerRecord<String, OprRecord>> records = new ArrayList<>();
        try (KafkaConsumer<String, OprRecord> consumer = openAtBeginning(bootstrap, topic)) {
            Instant until = Instant.now().plus(max);
            while (Instant.now().isBefore(until) && !done.test(records)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Exactly what the topic holds now: reads until every partition's end offset. */
    public static List<ConsumerRecord<String, OprRecord>> readToEnd(String bootstrap, String topic) {
        List<ConsumerRecord<String, OprRecord>> records = new ArrayList<>();
        try (KafkaConsumer<String, OprRecord> consumer = openAtBeginning(bootstrap, topic)) {
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

    private static KafkaConsumer<String, OprRecord> openAtBeginning(String bootstrap, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, OprRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new OprRecordSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
