package io.eventsync.reliability.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.topic.ExternalIds;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The gateway's JVM SIGKILLed while OMi posts bulks from several threads, started again on the same
 * port, killed again. OMi sends again whatever got no answer. Afterwards every item a 2xx listed is
 * on the topic, and every OMi event there carries the one external id OMi was answered with: OMi's
 * retries may add records (at-least-once) but never a second logical event.
 * {@code -Dgateway.crash.kills=N} runs more kills (the full run).
 */
class GatewayCrashIT {

    private static final int SENDERS = 4;
    private static final int BULK = 50;
    private static final int BETWEEN_KILLS = 1_000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void killedMidBulkAndRestartedNothingAcknowledgedIsMissingAndRetriesAddNoLogicalEvent() throws Exception {
        int kills = Integer.getInteger("gateway.crash.kills", 3);
        KafkaBroker broker = Brokers.shared();
        String topic = KafkaBroker.uniqueTopic("gateway-crash");
        broker.createTopic(topic, 3);
        Path log = Files.createTempFile("gateway-crash-", ".log");
        int cutByKills = 0;
        try (ForkedGateway gateway = ForkedGateway.start(broker.bootstrapServers(), topic, log);
             RetryingOmi omi = new RetryingOmi(gateway.port(), ForkedGateway.SERVER, ForkedGateway.PASSWORD,
                     SENDERS, BULK)) {
            for (int kill = 1; kill <= kills; kill++) {
                int before = omi.acknowledged().size();
                int round = kill;
                Await.until(() -> omi.acknowledged().size() >= before + BETWEEN_KILLS, WAIT,
                        "OMi's bulks to be acknowledged before kill " + round);
                Thread.sleep(ThreadLocalRandom.current().nextLong(50, 500));
                // Only kills that cut requests prove anything about items in flight.
                Await.until(() -> omi.inFlight() > 0, WAIT, "a request in flight before kill " + round);
                int unansweredBefore = omi.unanswered();
                gateway.kill();
                Await.until(() -> omi.unanswered() > unansweredBefore, WAIT, "OMi to notice kill " + round);
                cutByKills += omi.unanswered() - unansweredBefore;
                gateway.restart();
            }
            int after = omi.acknowledged().size();
            Await.until(() -> omi.acknowledged().size() >= after + BETWEEN_KILLS, WAIT,
                    "OMi's bulks to be acknowledged after the last restart");
            omi.finish(WAIT);

            Map<String, String> acknowledged = omi.acknowledged();
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readToEnd(broker.bootstrapServers(), topic,
                    new ByteArrayDeserializer());
            Map<String, Set<String>> externalIdsOnTopic = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                externalIdsOnTopic.computeIfAbsent(record.key(), key -> new HashSet<>())
                        .add(header(record, "eventsync-external-id"));
            }
            long missing = acknowledged.keySet().stream().filter(id -> !externalIdsOnTopic.containsKey(id)).count();
            long sentTwice = records.size() - externalIdsOnTopic.size();
            System.out.printf("gateway crash: kills=%d requests cut=%d events sent=%d acknowledged=%d records=%d "
                            + "distinct=%d records from retries=%d (bound %d) missing=%d 5xx=%d carried over=%d%n",
                    kills, cutByKills, omi.sent(), acknowledged.size(), records.size(), externalIdsOnTopic.size(),
                    sentTwice, kills * SENDERS * BULK, missing, omi.serverErrors(), omi.carriedOver());

            assertThat(cutByKills).as("requests a kill left without an answer").isPositive();
            assertThat(acknowledged).as("every event OMi sent was acknowledged in the end").hasSize(omi.sent());
            assertThat(missing).as("acknowledged events missing from the topic").isZero();
            assertThat(sentTwice).as("records from retries: at most what was in flight at the kills")
                    .isLessThanOrEqualTo((long) kills * SENDERS * BULK);
            assertThat(externalIdsOnTopic.keySet()).as("events on the topic OMi never sent")
                    .isSubsetOf(acknowledged.keySet());
            acknowledged.forEach((omiId, externalId) -> {
                assertThat(externalIdsOnTopic.get(omiId)).as("external ids on the topic for OMi event %s", omiId)
                        .containsExactly(externalId);
                assertThat(externalId).isEqualTo(ExternalIds.of(ForkedGateway.SERVER, omiId));
            });
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
