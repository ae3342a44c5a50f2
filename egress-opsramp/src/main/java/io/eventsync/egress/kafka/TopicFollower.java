package io.eventsync.egress.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of a topic from the start and then follows it, on a thread of its own,
 * handing each record to {@code onRecord}: what a replica-local view of a topic (the route table,
 * the events OMi forwarded) is built from. No consumer group: every replica reads everything. A
 * failure (the broker away, the topic missing) reads the topic again from the start.
 */
public final class TopicFollower {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String name;
    private final Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers;
    private final String topic;
    private final Consumer<ConsumerRecord<String, byte[]>> onRecord;
    private final Runnable onCaughtUp;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
    private Thread thread;

    /** @param onCaughtUp called once, when the topic has been read to the end it had at start */
    public TopicFollower(String name, Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers,
                         String topic, Consumer<ConsumerRecord<String, byte[]>> onRecord, Runnable onCaughtUp) {
        this.name = name;
        this.consumers = consumers;
        this.topic = topic;
        this.onRecord = onRecord;
        this.onCaughtUp = onCaughtUp;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::follow, name);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        org.apache.kafka.clients.consumer.Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** True once the topic has been read to the end it had at start. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Whether every record before {@code ends} (per partition) has been handed over. */
    public boolean hasRead(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    public String topic() {
        return topic;
    }

    private void follow() {
        while (running) {
            try (org.apache.kafka.clients.consumer.Consumer<String, byte[]> reader = consumers.get()) {
                consumer = reader;
                List<TopicPartition> partitions = partitions(reader);
                reader.assign(partitions);
                reader.seekToBeginning(partitions);
                positions.clear();
                Map<TopicPartition, Long> startEnd = reader.endOffsets(partitions);
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                        onRecord.accept(record);
                    }
                    partitions.forEach(p -> positions.put(p, reader.position(p)));
                    if (!caughtUp && partitions.stream().allMatch(p -> positions.get(p) >= startEnd.get(p))) {
                        caughtUp = true;
                        onCaughtUp.run();
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Reading {} failed ({}); reading it again", topic, e.toString());
                    sleep();
                }
            }
        }
    }

    private List<TopicPartition> partitions(org.apache.kafka.clients.consumer.Consumer<String, byte[]> reader) {
        List<PartitionInfo> infos = reader.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("the topic " + topic + " does not exist");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
