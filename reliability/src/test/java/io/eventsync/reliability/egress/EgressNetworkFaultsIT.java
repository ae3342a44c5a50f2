package io.eventsync.reliability.egress;


import io.eventsync.reliability.LinkFaults;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.BrokerBehindProxy;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.LoopbackProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * egress-opsramp (its own JVM) reaches Kafka only through a {@link LoopbackProxy}, which cuts its
 * connections (fetches, commits, the group's heartbeats), slows them and then lets nothing through,
 * under a steady stream of OMi events written to the broker directly. Afterwards every event Kafka
 * acknowledged reached the webhook, none was dead-lettered, each key's first arrivals are in order,
 * and what arrived twice is at most one batch per partition per fault, plus what is delivered while a
 * commit crosses the slowed link and while nothing passes.
 */
class EgressNetworkFaultsIT {

    private static final int PARTITIONS = 3;
    private static final int KEYS = 12;
    private static final int PER_SECOND = 400;
    private static final int BATCH = 20;
    private static final int PROGRESS = 600;
    private static final Duration WAIT = Duration.ofSeconds(180);

    @Test
    void cutSlowedAndPartitionedFromKafkaEgressDeliversEveryEventAndDuplicatesAreBounded() throws Exception {
        LinkFaults faults = LinkFaults.fromSystemProperties();
        String topic = KafkaBroker.uniqueTopic("egress-network.opr.events");
        String deadLetters = KafkaBroker.uniqueTopic("egress-network.dlq");
        Path log = Files.createTempFile("egress-network-", ".log");
        try (BrokerBehindProxy kafka = Brokers.dedicatedBehindProxy()) {
            String direct = kafka.broker().bootstrapServers();
            kafka.broker().createTopic(topic, PARTITIONS);
            kafka.broker().createTopic(deadLetters, PARTITIONS);
            LoopbackProxy proxy = kafka.proxy();
            try (FlakyWebhook target = new FlakyWebhook();
                 ForkedEgress egress = new ForkedEgress(kafka.proxiedBootstrapServers(), topic, deadLetters,
                         target.baseUrl(), List.of("--eventsync.egress.delivery.backoff-max=2s"), log)) {
                egress.start();
                egress.createWebhookRoute("network", "/hooks/network", BATCH);
                try (SteadyOmiEvents events = new SteadyOmiEvents(direct, topic, KEYS, PER_SECOND)) {
                    AtomicInteger receivedWhileHeld = new AtomicInteger();
                    AtomicInteger atHold = new AtomicInteger();
                    faults.run(proxy, () -> {
                        int before = target.received().size();
                        Await.until(() -> target.received().size() >= before + PROGRESS, WAIT,
                                "events at the target between faults");
                        atHold.set(target.received().size());
                    }, () -> receivedWhileHeld.set(target.received().size() - atHold.get()));
                    DeliveryAccount account = DeliveryAccount.settle(events, target, direct, deadLetters, WAIT);
                    // A kill costs the batches in flight; a slow link also what is delivered while a commit
                    // is on its way (asked at every acknowledgement, it takes two delays), and what was
                    // delivered while held, since a hold longer than the session hands the partitions over.
                    int bound = faults.faults() * PARTITIONS * BATCH
                            + (int) (PER_SECOND * 2 * faults.delay().toMillis() / 1_000) + receivedWhileHeld.get();
                    System.out.printf("egress network faults: %s; proxy connections=%d cuts=%d; acknowledged by "
                                    + "Kafka=%d received=%d distinct=%d duplicates=%d (bound %d) lost=%d "
                                    + "dead-lettered=%d received while held=%d%n", faults, proxy.connections(),
                            proxy.cuts(), account.acknowledged().size(), account.received().size(),
                            account.distinct().size(), account.duplicates(), bound, account.lost(),
                            account.deadLettered(), receivedWhileHeld.get());

                    account.assertDeliveredOnceOrBoundedTwice(bound, KEYS);
                }
            }
        }
    }
}
