package io.eventsync.testkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes records as an upstream producer would (acks=all, idempotent) and returns once the broker
 * has acknowledged each of them, in the order given: what tests put "on the topic" with.
 */
public final class TopicWriter {

    private TopicWriter() {
    }

    public static void send(String bootstrap, List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = records.stream()
                    .<Future<?>>map(producer::send).toList();
            for (Future<?> acknowledgement : sent) {
                acknowledgement.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a record", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
