package io.eventsync.reliability.egress;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's side of the topic, at a steady rate: OMi event records ({@code opr.events} v1 shape) on
 * a fixed set of keys, each titled with its sequence number. What Kafka acknowledged is what egress owes
 * the target.
 */
final class SteadyOmiEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Guarded by itself; not copy-on-write, which copies every acknowledgement so far on each one. */
    private final List<String> acknowledged = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final KafkaProducer<String, byte[]> producer;

    SteadyOmiEvents(String bootstrapServers, String topic, int keys, int perSecond) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
        thread = new Thread(() -> produce(topic, keys, perSecond), "steady-omi-events");
        thread.start();
    }

    /** The titles Kafka acknowledged, in the order they were sent. */
    List<String> acknowledged() {
        synchronized (acknowledged) {
            return new ArrayList<>(acknowledged);
        }
    }

    static String title(int sequence) {
        return "fault " + sequence;
    }

    static int key(String title, int keys) {
        return Integer.parseInt(title.substring("fault ".length())) % keys;
    }

    private void produce(String topic, int keys, int perSecond) {
        long start = System.nanoTime();
        for (int i = 0; running.get(); i++) {
            long due = start + i * 1_000_000_000L / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
            String key = "omi-" + (i % keys);
            String title = title(i);
            ObjectNode value = JSON.createObjectNode().put("schema", "eventsync.opr-record/v1").put("kind", "event")
                    .put("connected_server", "omi").put("omi_event_id", key);
            value.putObject("event").put("id", key).put("title", title);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, JSON.writeValueAsBytes(value));
            record.headers().add("eventsync-source", "omi".getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventsync-kind", "event".getBytes(StandardCharsets.UTF_8));
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    synchronized (acknowledged) {
                        acknowledged.add(title);
                    }
                }
            });
        }
    }

    /** Stops sending; returns once every record sent has been acknowledged or failed. */
    void stop() throws InterruptedException {
        running.set(false);
        thread.join();
        producer.flush();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        producer.close();
    }
}
