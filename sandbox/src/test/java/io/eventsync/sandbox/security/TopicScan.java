package io.eventsync.sandbox.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record of every topic the sandbox's broker holds, internal ones included, searched as the
 * broker stores it: key, value and each header.
 */
final class TopicScan {

    private static final Duration PER_TOPIC = Duration.ofSeconds(30);

    private TopicScan() {
    }

    /** The records searched per topic. */
    static Map<String, Integer> searchEveryTopic(String bootstrap, LeakSearch search) {
        Map<String, Integer> counts = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     // Aborted transactions are on the broker's disk too: a secret in one is still stored.
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                     ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                     ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(30, TimeUnit.SECONDS))) {
                counts.put(topic, searchTopic(consumer, topic, search));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not list the topics at " + bootstrap, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static int searchTopic(KafkaConsumer<byte[], byte[]> consumer, String topic, LeakSearch search) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        String group = "kafka topic " + topic;
        int records = 0;
        Instant until = Instant.now().plus(PER_TOPIC);
        while (Instant.now().isBefore(until) && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                records++;
                search.search(group, topic + "-" + record.partition() + "@" + record.offset(), text(record));
            }
        }
        if (records == 0) {
            search.searchedNothing(group, "empty");
        }
        return records;
    }

    /**
     * Latin-1 keeps every byte as one character, so a secret's ASCII bytes are found wherever they
     * are, also inside binary values (the consumer offsets, transaction state).
     */
    private static String text(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder("key=").append(latin1(record.key())).append("\nvalue=")
                .append(latin1(record.value()));
        for (Header header : record.headers()) {
            text.append("\nheader ").append(header.key()).append('=').append(latin1(header.value()));
        }
        return text.toString();
    }

    private static String latin1(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
