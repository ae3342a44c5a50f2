package io.eventsync.sandbox;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the records of a topic from the beginning (partition, offset, key, headers, value) and
 * exits once the topic has been quiet for a moment, or after a given number of records on a topic
 * that never goes quiet (the sandbox's {@code ofsc.events}). Shows what a downstream subscriber would
 * see, on a machine that has nothing but a JDK: it runs from the sandbox jar.
 *
 * <p>Usage: {@code TopicTail [topic] [bootstrap servers] [max records]}; defaults {@code opr.events},
 * {@code $KAFKA_BOOTSTRAP_SERVERS} (else {@code localhost:9092}) and no limit.
 */
public final class TopicTail {

    private static final Duration QUIET_PERIOD = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);

    private TopicTail() {
    }

    public static void main(String[] args) {
        String topic = args.length > 0 ? args[0] : Sandbox.TOPIC;
        String bootstrap = args.length > 1 ? args[1] : defaultBootstrap();
        try {
            int limit = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
            int count = print(bootstrap, topic, limit, System.out);
            System.out.println(count == limit ? "first " + count + " record(s) of " + topic
                    : count + " record(s) on " + topic);
        } catch (RuntimeException e) {
            System.err.println("Could not read " + topic + " from " + bootstrap + ": " + e);
            System.exit(1);
        }
    }

    static int print(String bootstrap, String topic, int limit, PrintStream out) {
        // read_committed, as docs/topics.md asks of every subscriber.
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "eventsync-sandbox-topic-tail");
        int count = 0;
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("no such topic");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long quietSince = System.nanoTime();
            while (count < limit && System.nanoTime() - quietSince < QUIET_PERIOD.toNanos()) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                for (ConsumerRecord<String, String> record : records) {
                    if (count == limit) {
                        break;
                    }
                    print(record, out);
                    count++;
                }
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                }
            }
        }
        return count;
    }

    private static void print(ConsumerRecord<String, String> record, PrintStream out) {
        out.println("--- " + record.topic() + "-" + record.partition() + " @" + record.offset()
                + "  key=" + record.key());
        for (Header header : record.headers()) {
            String value = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
            out.println("    " + header.key() + ": " + value);
        }
        out.println("    " + record.value());
    }

    private static String defaultBootstrap() {
        String fromEnv = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return fromEnv == null || fromEnv.isBlank()
                ? "localhost:" + SandboxSettings.DEFAULT_KAFKA_PORT : fromEnv;
    }
}
