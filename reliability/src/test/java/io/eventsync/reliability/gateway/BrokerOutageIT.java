package io.eventsync.reliability.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.reliability.pipeline.HeapAfterGc;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.RestartableKafkaBroker;
import io.eventsync.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The broker (its own JVM) killed under a steady gateway load (the gateway in its own JVM), down for a
 * while, started again. OMi keeps sending and retrying; the gateway answers its bulks listing only
 * what Kafka took (none, while it is down), so they come back as bulks and never as one request per
 * event; its heap after GC stays where it was, and once Kafka is back it accepts again by itself.
 * Every item a 2xx listed is on the topic. {@code -Dgateway.outage.seconds=N} for a longer
 * outage (default 8).
 */
class BrokerOutageIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final long HEAP_SLACK = 64L << 20;

    @Test
    void killedUnderLoadTheBrokerLosesNothingAcknowledgedAndTheGatewayStaysBoundedAndRecovers() throws Exception {
        Duration outage = Duration.ofSeconds(Integer.getInteger("gateway.outage.seconds", 8));
        String topic = KafkaBroker.uniqueTopic("broker-outage");
        Path log = Files.createTempFile("broker-outage-gateway-", ".log");
        try (RestartableKafkaBroker broker = Brokers.dedicated()) {
            broker.createTopic(topic, 3);
            // Shorter than the outage (ForkedGateway.SHORT_KAFKA_TIMEOUTS says why).
            try (ForkedGateway gateway = ForkedGateway.start(broker.bootstrapServers(), topic, log,
                    ForkedGateway.SHORT_KAFKA_TIMEOUTS);
                 RetryingOmi omi = new RetryingOmi(gateway.port(), ForkedGateway.SERVER, ForkedGateway.PASSWORD,
                         4, 50)) {
                Await.until(() -> omi.acknowledged().size() >= 2_000, WAIT, "bulks acknowledged before the kill");
                long heapBefore = HeapAfterGc.bytes(gateway.pid());
                int acknowledgedBefore = omi.acknowledged().size();
                int errorsBefore = omi.serverErrors();
                int cameBackBefore = omi.bulksLeavingItemsOut();
                broker.kill();
                List<Long> heapDuring = new ArrayList<>();
                long until = System.nanoTime() + outage.toNanos();
                while (System.nanoTime() < until) {
                    Thread.sleep(outage.toMillis() / 3);
                    heapDuring.add(HeapAfterGc.bytes(gateway.pid()));
                }
                int refusedDuringOutage = omi.serverErrors() - errorsBefore;
                int cameBackDuringOutage = omi.bulksLeavingItemsOut() - cameBackBefore;
                int acknowledgedDuringOutage = omi.acknowledged().size() - acknowledgedBefore;
                broker.start();
                int atRestart = omi.acknowledged().size();
                Await.until(() -> omi.acknowledged().size() >= atRestart + 2_000, WAIT,
                        "the gateway to accept again by itself");
                omi.finish(WAIT);

                Set<String> onTopic = TopicReader.readToEnd(broker.bootstrapServers(), topic,
                        new ByteArrayDeserializer()).stream().map(record -> record.key()).collect(Collectors.toSet());
                long missing = omi.acknowledged().keySet().stream().filter(id -> !onTopic.contains(id)).count();
                System.out.printf("broker outage: %d s; sent=%d acknowledged=%d (before the kill %d, during the "
                                + "outage %d) bulks left out during the outage=%d 5xx=%d on topic=%d missing=%d gateway heap after GC "
                                + "MiB before=%d during=%s%n", outage.toSeconds(), omi.sent(), omi.acknowledged().size(),
                        acknowledgedBefore, acknowledgedDuringOutage, cameBackDuringOutage, refusedDuringOutage,
                        onTopic.size(), missing,
                        heapBefore >> 20, heapDuring.stream().map(b -> b >> 20).toList());

                assertThat(cameBackDuringOutage).as("bulks answered with items left out while Kafka was down")
                        .isPositive();
                assertThat(omi.serverErrors()).as("bulks answered 5xx, which OMi would resend one event per request")
                        .isZero();
                assertThat(omi.acknowledged()).as("every event sent acknowledged in the end").hasSize(omi.sent());
                assertThat(missing).as("acknowledged items missing from the topic").isZero();
                assertThat(heapDuring).as("gateway heap after GC during the outage").allSatisfy(heap ->
                        assertThat(heap).isLessThanOrEqualTo(heapBefore + HEAP_SLACK));
            }
        }
    }
}
