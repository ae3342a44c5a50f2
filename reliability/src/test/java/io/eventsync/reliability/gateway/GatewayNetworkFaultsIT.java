package io.eventsync.reliability.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.reliability.LinkFaults;
import io.eventsync.reliability.pipeline.HeapAfterGc;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.BrokerBehindProxy;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.LoopbackProxy;
import io.eventsync.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The gateway (its own JVM) reaches Kafka only through a {@link LoopbackProxy}, which cuts its
 * connections, slows them and then lets nothing through, while OMi-like senders keep posting and
 * retrying as the forwarding document says. Every item a 2xx listed is on the topic; while cut off, the
 * gateway answers rather than hanging, leaving out of its bulk answers what Kafka did not take (so the
 * bulks come back as bulks, never one request per event); its heap after GC stays where it was; it
 * recovers by itself.
 */
class GatewayNetworkFaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final long HEAP_SLACK = 64L << 20;
    private static final int PROGRESS = 500;

    @Test
    void cutSlowedAndPartitionedFromKafkaTheGatewayLosesNothingAcknowledgedAndRecovers() throws Exception {
        LinkFaults faults = LinkFaults.fromSystemProperties();
        String topic = KafkaBroker.uniqueTopic("gateway-network");
        Path log = Files.createTempFile("gateway-network-", ".log");
        try (BrokerBehindProxy kafka = Brokers.dedicatedBehindProxy()) {
            kafka.broker().createTopic(topic, 3);
            LoopbackProxy proxy = kafka.proxy();
            // Shorter than the outage (ForkedGateway.SHORT_KAFKA_TIMEOUTS says why).
            try (ForkedGateway gateway = ForkedGateway.start(kafka.proxiedBootstrapServers(), topic, log,
                    ForkedGateway.SHORT_KAFKA_TIMEOUTS);
                 RetryingOmi omi = new RetryingOmi(gateway.port(), ForkedGateway.SERVER, ForkedGateway.PASSWORD,
                         4, 50)) {
                Await.until(() -> omi.acknowledged().size() >= PROGRESS, WAIT, "bulks acknowledged before the faults");
                long heapBefore = HeapAfterGc.bytes(gateway.pid());
                AtomicInteger leftOutAtHold = new AtomicInteger();
                AtomicInteger leftOutDuringHold = new AtomicInteger();
                AtomicLong heapDuringHold = new AtomicLong();
                faults.run(proxy, () -> {
                    int before = omi.acknowledged().size();
                    Await.until(() -> omi.acknowledged().size() >= before + PROGRESS, WAIT,
                            "the gateway to acknowledge again");
                    leftOutAtHold.set(omi.bulksLeavingItemsOut());
                }, () -> {
                    leftOutDuringHold.set(omi.bulksLeavingItemsOut() - leftOutAtHold.get());
                    heapDuringHold.set(HeapAfterGc.bytes(gateway.pid()));
                });
                omi.finish(WAIT);

                List<ConsumerRecord<String, byte[]>> records = TopicReader.readToEnd(
                        kafka.broker().bootstrapServers(), topic, new ByteArrayDeserializer());
                Set<String> onTopic = records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
                long missing = omi.acknowledged().keySet().stream().filter(id -> !onTopic.contains(id)).count();
                System.out.printf("gateway network faults: %s; proxy connections=%d cuts=%d; sent=%d "
                                + "acknowledged=%d 5xx=%d bulks left out while held=%d records=%d distinct=%d missing=%d gateway "
                                + "heap after GC MiB before=%d while held=%d%n", faults, proxy.connections(),
                        proxy.cuts(), omi.sent(), omi.acknowledged().size(), omi.serverErrors(),
                        leftOutDuringHold.get(), records.size(), onTopic.size(), missing, heapBefore >> 20,
                        heapDuringHold.get() >> 20);

                assertThat(leftOutDuringHold.get()).as("bulks answered with items left out while Kafka was unreachable")
                        .isPositive();
                assertThat(omi.serverErrors()).as("bulks answered 5xx, which OMi would resend one event per request")
                        .isZero();
                assertThat(omi.acknowledged()).as("every event sent acknowledged in the end").hasSize(omi.sent());
                assertThat(missing).as("acknowledged items missing from the topic").isZero();
                assertThat(heapDuringHold.get()).as("gateway heap after GC while cut off")
                        .isLessThanOrEqualTo(heapBefore + HEAP_SLACK);
            }
        }
    }
}
