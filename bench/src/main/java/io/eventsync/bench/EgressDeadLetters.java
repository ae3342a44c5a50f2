package io.eventsync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The drain's dead-letter topic, read as it fills. A dead letter keeps the original key (the OMi id), so
 * which events it stands for is known: an event egress gave up on may still have reached the receiver
 * (an answer it could not read), and a count alone would then hide a lost one.
 */
final class EgressDeadLetters implements AutoCloseable {

    private final EgressEventIds ids;
    private final KafkaConsumer<String, byte[]> consumer;
    private final BitSet sequences = new BitSet();
    private long records;

    EgressDeadLetters(String bootstrapServers, String topic, int partitions, EgressEventIds ids) {
        this.ids = ids;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-egress-dead-letters"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> assigned = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            assigned.add(new TopicPartition(topic, p));
        }
        consumer.assign(assigned);
    }

    /** Reads what was dead-lettered since the last call. */
    void poll() {
        for (ConsumerRecord<String, byte[]> letter : consumer.poll(Duration.ofMillis(100))) {
            records++;
            int sequence = ids.sequenceOf(letter.key());
            if (sequence >= 0) {
                sequences.set(sequence);
            }
        }
    }

    long records() {
        return records;
    }

    BitSet sequences() {
        return sequences;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
