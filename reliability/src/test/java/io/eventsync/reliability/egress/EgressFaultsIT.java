package io.eventsync.reliability.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.testkit.Await;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * egress-opsramp under a steady stream of OMi events, SIGKILLed mid-batch and restarted, and its
 * webhook target down (connections refused) for a while, with one of the kills inside the outage.
 * Afterwards every event Kafka acknowledged reached the target, none went to the dead-letter topic,
 * each key's first arrivals are in order, and what arrived twice is at most the batches in flight at
 * the kills (one per partition per kill). {@code -Degress.faults.target-down-seconds=60} and
 * {@code -Degress.faults.kills=N} give the full run.
 */
class EgressFaultsIT {

    private static final int PARTITIONS = 3;
    private static final int KEYS = 12;
    private static final int PER_SECOND = 400;
    private static final int BATCH = 20;
    private static final int BETWEEN_FAULTS = 600;
    private static final Duration WAIT = Duration.ofSeconds(180);

    @Test
    void killedMidBatchAndCutOffFromItsTargetEveryEventArrivesAndDuplicatesAreBounded() throws Exception {
        int kills = Math.max(2, Integer.getInteger("egress.faults.kills", 3));
        Duration targetDown = Duration.ofSeconds(Integer.getInteger("egress.faults.target-down-seconds", 10));
        KafkaBroker broker = Brokers.shared();
        String topic = KafkaBroker.uniqueTopic("egress-faults.opr.events");
        String deadLetters = KafkaBroker.uniqueTopic("egress-faults.dlq");
        broker.createTopic(topic, PARTITIONS);
        broker.createTopic(deadLetters, PARTITIONS);
        Path log = Files.createTempFile("egress-faults-", ".log");
        try (FlakyWebhook target = new FlakyWebhook();
             // Retry waits capped at 2 s so the test sees the target's return quickly; retry-for stays the default.
             ForkedEgress egress = new ForkedEgress(broker.bootstrapServers(), topic, deadLetters, target.baseUrl(),
                     List.of("--eventsync.egress.delivery.backoff-max=2s"), log)) {
            egress.start();
            egress.createWebhookRoute("faults", "/hooks/faults", BATCH);
            try (SteadyOmiEvents events = new SteadyOmiEvents(broker.bootstrapServers(), topic, KEYS, PER_SECOND)) {
                int kill = 0;
                awaitMore(target, "before kill 1");
                egress.kill();
                kill++;
                egress.start();

                awaitMore(target, "before the target goes down");
                target.down();
                Thread.sleep(targetDown.toMillis() / 2);
                egress.kill();
                kill++;
                egress.start();
                Thread.sleep(targetDown.toMillis() / 2);
                int beforeUp = target.received().size();
                target.up();

                while (kill < kills) {
                    awaitMore(target, "before kill " + (kill + 1));
                    egress.kill();
                    kill++;
                    egress.start();
                }
                awaitMore(target, "after the last restart");
                events.stop();

                List<String> acknowledged = List.copyOf(events.acknowledged());
                Await.until(() -> new LinkedHashSet<>(target.received()).containsAll(acknowledged), WAIT,
                        "every acknowledged event at the target");
                List<String> received = List.copyOf(target.received());
                Set<String> distinct = new LinkedHashSet<>(received);
                int deadLettered = TopicReader.readToEnd(broker.bootstrapServers(), deadLetters,
                        new ByteArrayDeserializer()).size();
                long lost = acknowledged.stream().filter(title -> !distinct.contains(title)).count();
                int duplicates = received.size() - distinct.size();
                System.out.printf("egress faults: kills=%d target down=%ds acknowledged by Kafka=%d received=%d "
                                + "distinct=%d duplicates=%d (bound %d) lost=%d dead-lettered=%d requests=%d "
                                + "received before the target came back=%d%n", kill, targetDown.toSeconds(), acknowledged.size(),
                        received.size(), distinct.size(), duplicates, kill * PARTITIONS * BATCH, lost, deadLettered,
                        target.requests(), beforeUp);

                assertThat(lost).as("acknowledged events that never reached the target").isZero();
                assertThat(deadLettered).as("events dead-lettered although the target came back").isZero();
                assertThat(duplicates).as("events delivered twice: at most one batch per partition per kill")
                        .isLessThanOrEqualTo(kill * PARTITIONS * BATCH);
                assertInOrderPerKey(received);
            }
        }
    }

    private static void awaitMore(FlakyWebhook target, String what) {
        int before = target.received().size();
        Await.until(() -> target.received().size() >= before + BETWEEN_FAULTS, WAIT, "events at the target " + what);
    }

    /** Per key, first arrivals come in the order the events were produced. */
    private static void assertInOrderPerKey(List<String> received) {
        Map<Integer, List<Integer>> firstArrivals = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String title : received) {
            if (seen.add(title)) {
                firstArrivals.computeIfAbsent(SteadyOmiEvents.key(title, KEYS), k -> new ArrayList<>())
                        .add(Integer.parseInt(title.substring("fault ".length())));
            }
        }
        firstArrivals.forEach((key, sequence) -> assertThat(sequence).as("first arrivals of key %d", key).isSorted());
    }
}
