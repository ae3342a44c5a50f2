package io.eventsync.reliability.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.reliability.egress.FlakyWebhook;
import io.eventsync.reliability.egress.ForkedEgress;
import io.eventsync.reliability.gateway.ForkedGateway;
import io.eventsync.reliability.gateway.RetryingOmi;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline at a steady rate: OMi posts to the gateway (its own JVM), the gateway writes
 * opr.events, egress (its own JVM) delivers every event to a webhook. Over the run nothing fails, the
 * backlog between what the gateway acknowledged and what reached the webhook does not grow, and
 * neither app's heap after a full GC grows. The gateway's read model holds every event forwarded, on
 * disk (decision 0013), so its heap stays flat while the model grows with every sample. The CI run is
 * 60 s at 300 events/s; the full soak is {@code -Dsoak.seconds=600 -Dsoak.rate=1035} (70 % of the
 * pipeline's maximum in docs/benchmarks.md).
 */
class PipelineSoakIT {

    private static final int SENDERS = 2;
    private static final int BULK = 10;
    private static final int SAMPLES = 6;
    private static final long HEAP_SLACK = 16L << 20;
    private static final Duration DRAIN = Duration.ofSeconds(120);

    @Test
    void aSteadyRateThroughThePipelineLeavesNoErrorNoGrowingBacklogAndNoGrowingHeap() throws Exception {
        int seconds = Integer.getInteger("soak.seconds", 60);
        int rate = Integer.getInteger("soak.rate", 300);
        KafkaBroker broker = Brokers.shared();
        String topic = KafkaBroker.uniqueTopic("soak.opr.events");
        String deadLetters = KafkaBroker.uniqueTopic("soak.dlq");
        broker.createTopic(topic, 3);
        broker.createTopic(deadLetters, 3);
        Path gatewayLog = Files.createTempFile("soak-gateway-", ".log");
        Path egressLog = Files.createTempFile("soak-egress-", ".log");
        try (FlakyWebhook webhook = new FlakyWebhook();
             ForkedGateway gateway = ForkedGateway.start(broker.bootstrapServers(), topic, gatewayLog);
             ForkedEgress egress = new ForkedEgress(broker.bootstrapServers(), topic, deadLetters, webhook.baseUrl(),
                     List.of(), egressLog)) {
            egress.start();
            egress.createWebhookRoute("soak", "/hooks/soak", 50, "id");
            List<Long> gatewayHeap = new ArrayList<>();
            List<Long> egressHeap = new ArrayList<>();
            List<Integer> backlog = new ArrayList<>();
            long started = System.nanoTime();
            try (RetryingOmi omi = new RetryingOmi(gateway.port(), ForkedGateway.SERVER, ForkedGateway.PASSWORD,
                    SENDERS, BULK, rate)) {
                for (int sample = 0; sample < SAMPLES; sample++) {
                    Thread.sleep(seconds * 1_000L / SAMPLES);
                    int acknowledgedNow = omi.acknowledged().size();
                    backlog.add(acknowledgedNow - new HashSet<>(webhook.received()).size());
                    gatewayHeap.add(HeapAfterGc.bytes(gateway.pid()));
                    egressHeap.add(HeapAfterGc.bytes(egress.pid()));
                    // As it goes, so that a long run that fails still shows how it went.
                    System.out.printf("soak sample %d: acknowledged=%d backlog=%d gateway heap MiB=%d egress heap "
                            + "MiB=%d%n", sample + 1, acknowledgedNow, backlog.get(sample),
                            gatewayHeap.get(sample) >> 20, egressHeap.get(sample) >> 20);
                }
                omi.finish(DRAIN);
                long elapsed = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                Set<String> acknowledged = Set.copyOf(omi.acknowledged().keySet());
                boolean allDelivered = true;
                try {
                    Await.until(() -> new HashSet<>(webhook.received()).containsAll(acknowledged), DRAIN,
                            "every acknowledged event at the webhook");
                } catch (AssertionError notYet) {
                    allDelivered = false;
                }
                Set<String> delivered = new HashSet<>(webhook.received());
                long missing = acknowledged.stream().filter(id -> !delivered.contains(id)).count();
                int deadLettered = TopicReader.readToEnd(broker.bootstrapServers(), deadLetters,
                        new ByteArrayDeserializer()).size();
                String metrics = gateway.prometheus();
                long held = (long) metric(metrics, "eventsync_gateway_read_model_events");
                System.out.printf("soak: %d s (%d s with the GC samples) at %d events/s: sent=%d acknowledged=%d delivered=%d (distinct %d) "
                                + "gateway 5xx=%d requests without answer=%d dead-lettered=%d backlog=%s "
                                + "gateway heap after GC MiB=%s egress heap after GC MiB=%s read model held=%d "
                                + "missing at the webhook %s after the end=%d%n",
                        seconds, elapsed, rate, omi.sent(), acknowledged.size(), webhook.received().size(),
                        new HashSet<>(webhook.received()).size(), omi.serverErrors(), omi.unanswered(), deadLettered,
                        backlog, mebibytes(gatewayHeap), mebibytes(egressHeap), held, DRAIN, missing);

                assertThat(allDelivered).as("every acknowledged event at the webhook within %s of the end: %d missing",
                        DRAIN, missing).isTrue();
                assertThat(omi.serverErrors()).as("gateway answers 5xx").isZero();
                assertThat(omi.unanswered()).as("gateway requests without an answer").isZero();
                assertThat(deadLettered).as("events dead-lettered").isZero();
                assertThat(acknowledged).as("every event sent acknowledged").hasSize(omi.sent());
                assertNoGrowth("events acknowledged but not yet at the webhook", backlog.stream()
                        .map(Integer::longValue).toList(), rate + 100L);
                // None forgotten: any event acknowledged, early or late, is still there to be read (and changed).
                assertThat(omi.acknowledged().values().stream().limit(50)
                        .filter(externalId -> gateway.getEvent(externalId) != 200).toList())
                        .as("acknowledged events the read model does not hold").isEmpty();
                assertNoGrowth("gateway heap after GC", gatewayHeap, HEAP_SLACK);
                assertNoGrowth("egress heap after GC", egressHeap, HEAP_SLACK);
            }
        }
    }

    /** The second half's largest sample is at most the first half's largest plus {@code slack}. */
    private static void assertNoGrowth(String what, List<Long> samples, long slack) {
        List<Long> first = samples.subList(0, samples.size() / 2);
        List<Long> second = samples.subList(samples.size() / 2, samples.size());
        long firstMax = first.stream().mapToLong(Long::longValue).max().orElseThrow();
        long secondMax = second.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(secondMax).as("%s: %s", what, samples).isLessThanOrEqualTo(firstMax + slack);
    }

    /** The sum of every series of that name, in Prometheus's text format. */
    private static double metric(String exposition, String name) {
        List<Double> values = exposition.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).toList();
        assertThat(values).as(name + " on /actuator/prometheus").isNotEmpty();
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static List<Long> mebibytes(List<Long> bytes) {
        return bytes.stream().map(b -> b >> 20).toList();
    }
}
