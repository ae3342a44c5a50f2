package io.eventsync.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a run's events topic as a downstream subscriber would (read_committed: ingest writes each page in
 * a transaction) and notes when each event became visible.
 */
final class IngestTopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    /** Repeats that arrive after the last new event would otherwise go unseen. */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private final KafkaConsumer<byte[], byte[]> consumer;

    IngestTopicReader(IngestTopics topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-ingest-reader",
                // The broker answers a fetch as soon as there is data; this bounds how late a commit is seen.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, topics.partitions())
                .mapToObj(p -> new TopicPartition(topics.events(), p)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Reads until every subscription has all {@code expectedPerSubscription} events, then a little longer
     * for repeats. Fails, naming what is missing, when that takes longer than {@code timeout}.
     */
    void readAll(IngestArrivals arrivals, long expectedPerSubscription, Duration timeout, Progress progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!arrivals.complete(expectedPerSubscription)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("ingest-ofsc did not deliver every event within " + timeout
                        + "; events lost or stuck (" + arrivals.shortfall(expectedPerSubscription) + ")");
            }
            var records = consumer.poll(POLL);
            progress.add(arrivals.add(records, Instant.now()));
        }
        long settled = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() - settled < 0) {
            var records = consumer.poll(POLL);
            arrivals.add(records, Instant.now());
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
