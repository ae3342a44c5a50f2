package io.eventsync.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka side of a drain: its topics, the backlog written before egress starts, the route's group put
 * at the beginning of it.
 */
final class EgressBacklog implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final String bootstrapServers;
    private final int partitions;
    private final Admin admin;

    EgressBacklog(String bootstrapServers, int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The route topic is left to egress, which creates it the way it reads it. */
    void create(EgressTopics topics) {
        await(admin.createTopics(List.of(new NewTopic(topics.source(), partitions, (short) 1),
                new NewTopic(topics.deadLetters(), partitions, (short) 1),
                new NewTopic(topics.replay(), partitions, (short) 1))).all());
        awaitLeaders(topics.source());
    }

    /**
     * A topic is created before its partitions have a leader; a producer that comes too early gets
     * NOT_LEADER answers and retries, which costs nothing but fills the log with warnings.
     */
    private void awaitLeaders(String topic) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
                if (description.partitions().size() == partitions
                        && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // not known yet: asked again below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Topic " + topic + " has no leader after " + TIMEOUT_SECONDS + " s");
    }

    /** Writes {@code events} records and answers the value bytes written. */
    long fill(EgressRecords records, int events, Progress progress) {
        AtomicReference<Exception> failed = new AtomicReference<>();
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                // An idempotent producer on a topic a moment old can loop on OUT_OF_ORDER_SEQUENCE after its
                // first NOT_LEADER answer; every key here is distinct, so neither its order nor a rare retried
                // duplicate changes what the drain counts.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-egress-backlog"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int s = 0; s < events; s++) {
                var record = records.record(s);
                bytes += record.value().length;
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    } else {
                        progress.add(1);
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("The backlog could not be written", failed.get());
        }
        return bytes;
    }

    /**
     * A route from configuration starts at the topics' ends unless its group has committed offsets, so the
     * group is given offset 0 on every partition it reads before egress starts.
     */
    void startAtBeginning(String group, EgressTopics topics) {
        Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
        for (String topic : List.of(topics.source(), topics.replay())) {
            for (int p = 0; p < partitions; p++) {
                beginning.put(new TopicPartition(topic, p), new OffsetAndMetadata(0));
            }
        }
        await(admin.alterConsumerGroupOffsets(group, beginning).all());
    }

    /** A full run writes gigabytes of backlog; each drain's topics go once it is measured. */
    void delete(EgressTopics topics) {
        Set<String> existing = await(admin.listTopics().names());
        await(admin.deleteTopics(topics.all().stream().filter(existing::contains).toList()).all());
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer the bench's admin request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
