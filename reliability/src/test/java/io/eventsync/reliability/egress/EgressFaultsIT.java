package io.eventsync.reliability.egress;


import io.eventsync.testkit.Await;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
                DeliveryAccount account = DeliveryAccount.settle(events, target, broker.bootstrapServers(),
                        deadLetters, WAIT);
                int bound = kill * PARTITIONS * BATCH;
                System.out.printf("egress faults: kills=%d target down=%ds acknowledged by Kafka=%d received=%d "
                                + "distinct=%d duplicates=%d (bound %d) lost=%d dead-lettered=%d requests=%d "
                                + "received before the target came back=%d%n", kill, targetDown.toSeconds(),
                        account.acknowledged().size(), account.received().size(), account.distinct().size(),
                        account.duplicates(), bound, account.lost(), account.deadLettered(), target.requests(),
                        beforeUp);

                // At most one batch per partition per kill.
                account.assertDeliveredOnceOrBoundedTwice(bound, KEYS);
            }
        }
    }

    private static void awaitMore(FlakyWebhook target, String what) {
        int before = target.received().size();
        Await.until(() -> target.received().size() >= before + BETWEEN_FAULTS, WAIT, "events at the target " + what);
    }
}
