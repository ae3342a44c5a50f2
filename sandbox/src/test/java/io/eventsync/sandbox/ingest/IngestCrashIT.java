package io.eventsync.sandbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.ingest.IngestApplication;
import io.eventsync.sandbox.ofsc.OfscSimulatorSettings;
import io.eventsync.testkit.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The poller's process SIGKILLed while OFSC keeps producing, restarted, killed again: every event is
 * still on the topic exactly once. {@code -Dingest.crash.kills=N} runs more kills (the full run).
 */
class IngestCrashIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int EXTRA_KILLS = 5;

    @Test
    void killedMidPageAndRestartedEventsArriveExactlyOnce() throws Exception {
        int kills = Integer.getInteger("ingest.crash.kills", 3);
        Path log = Files.createTempFile("ingest-crash-", ".log");
        try (IngestTestBed bed = new IngestTestBed(OfscSimulatorSettings.builder().port(0)
                .eventsPerSecond(1_500).build())) {
            IngestArguments arguments = bed.arguments()
                    .set("eventsync.ingest.page-size", "1000")
                    .subscription("crashing", List.of("activityCreated", "activityUpdated", "activityStarted",
                            "activityCompleted", "resourceUpdated", "inventoryInstalled"));
            ForkedJvm ingest = ForkedJvm.start(IngestApplication.class, List.of(arguments.toArray()), log);
            try {
                String id = bed.onKafka.awaitSubscriptionId("crashing", WAIT);
                bed.ofsc.startGenerating();
                long cut = 0;
                int kill = 0;
                // A kill between two transactions proves less: kill again (a few times at most) until one cut a page.
                while (kill < kills || (cut == 0 && kill < kills + EXTRA_KILLS)) {
                    int before = bed.onKafka.events(id).size();
                    int round = ++kill;
                    OfscTopic.await(() -> bed.onKafka.events(id).size() > before + 1_000, WAIT,
                            "the poller to be producing before kill " + round);
                    Thread.sleep(ThreadLocalRandom.current().nextLong(200, 1_500));
                    ingest.kill();
                    // Nothing writes between the kill and the restart, so what only read_uncommitted sees is the cut page.
                    int committed = bed.onKafka.events(id).size();
                    cut += countReadUncommitted(bed) - committed;
                    ingest = ForkedJvm.start(IngestApplication.class, List.of(arguments.toArray()), log);
                }
                Thread.sleep(2_000);
                bed.ofsc.stopGenerating();
                int expected = bed.ofsc.eventsFor(id).size();
                bed.onKafka.awaitCount(id, expected, WAIT);

                bed.onKafka.assertExactlyOnce(id, bed.ofsc.eventsFor(id));
                System.out.printf("crash: kills=%d events=%d records of transactions cut by a kill=%d%n", kill,
                        expected, cut);
                assertThat(cut).as("records of transactions a kill cut (aborted, invisible to read_committed)")
                        .isPositive();
            } finally {
                ingest.close();
            }
        }
    }

    /** Records a read_uncommitted reader sees: more than read_committed while a transaction is left open. */
    private static long countReadUncommitted(IngestTestBed bed) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bed.broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(bed.topic, WAIT).stream()
                    .map(p -> new TopicPartition(bed.topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + bed.topic + " to its end in " + WAIT);
                }
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }
}
