package io.eventsync.sandbox.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.Priority;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.syncback.SyncBackChange;
import io.eventsync.contracts.syncback.SyncBackProperties;
import io.eventsync.contracts.syncback.SyncBackSerde;
import io.eventsync.egress.delivery.KafkaDeadLetters;
import io.eventsync.sandbox.omi.OmiSimulator;
import io.eventsync.sandbox.receiver.RecordedRequest;
import io.eventsync.sandbox.receiver.ReceiverSimulatorSettings;
import io.eventsync.simulators.omi.OprJson;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Sync-back from {@code opr.sync-back} to the OMi simulator through the real egress application
 * and a real broker: changes reach OMi as the connected server, in bulk and alone; a change for an
 * event OMi never forwarded is dead-lettered and never sent; OMi's 5xx is retried, its 4xx
 * dead-lettered.
 */
class SyncBackIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final SyncBackSerde SERDE = new SyncBackSerde();

    @Test
    void changesOfForwardedEventsReachOmiAsTheConnectedServerInOrderPerEvent() {
        try (EgressTestBed bed = new EgressTestBed(ReceiverSimulatorSettings.builder().port(0).build())) {
            List<ProducerRecord<String, byte[]>> forwarded = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                forwarded.add(forward(bed, "omi-sb-" + i));
            }
            bed.produce(forwarded);
            List<ProducerRecord<String, byte[]>> changes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String externalId = EgressTestBed.externalId("omi-sb-" + i);
                changes.add(change(bed, externalId, "c" + i + "-1", new SyncBackProperties(State.IN_PROGRESS, null,
                        Priority.HIGH, null, null, null, null, null, null)));
                changes.add(change(bed, externalId, "c" + i + "-2", SyncBackProperties.state(State.CLOSED)));
            }
            bed.produce(changes);

            Await.until(() -> bed.omi.changesReceived().size() == 10, WAIT, "ten changes at OMi");
            for (int i = 0; i < 5; i++) {
                OprNode event = bed.omi.event("omi-sb-" + i).orElseThrow();
                assertThat(event.textOf("state")).as("the later change wins: applied in order").contains("closed");
                assertThat(event.textOf("priority")).contains("high");
            }
            List<RecordedRequest> requests = bed.omi.requestsTo(OmiSimulator.BASE_PATH);
            assertThat(requests).allSatisfy(request -> {
                assertThat(request.status()).isEqualTo(200);
                assertThat(request.authorization()).isEqualTo("Basic omi");
                assertThat(request.contentType()).startsWith("application/xml");
            });
            assertThat(bed.omi.changesReceived()).extracting(change -> change.textOf("id").orElse(null))
                    .containsExactlyInAnyOrder("c0-1", "c0-2", "c1-1", "c1-2", "c2-1", "c2-2", "c3-1", "c3-2",
                            "c4-1", "c4-2");
        }
    }

    @Test
    void aChangeForAnEventOmiNeverForwardedIsDeadLetteredAndNeverSent() {
        try (EgressTestBed bed = new EgressTestBed(ReceiverSimulatorSettings.builder().port(0).build())) {
            bed.produce(List.of(forward(bed, "omi-known")));
            bed.produce(List.of(change(bed, "no-such-external-id", "stray", SyncBackProperties.state(State.CLOSED)),
                    change(bed, EgressTestBed.externalId("omi-known"), "fine", SyncBackProperties.state(State.CLOSED))));

            List<ConsumerRecord<String, byte[]>> dead = awaitDeadLetters(bed, 1);
            assertThat(header(dead.get(0), KafkaDeadLetters.ROUTE)).isEqualTo("sync-back");
            assertThat(header(dead.get(0), KafkaDeadLetters.STATUS)).isEqualTo("-1");
            assertThat(header(dead.get(0), KafkaDeadLetters.REASON)).contains("no-such-external-id")
                    .contains("was forwarded by OMi");
            Await.until(() -> bed.omi.changesReceived().size() == 1, WAIT, "the valid change at OMi");
            assertThat(bed.omi.changesReceived().get(0).textOf("id")).contains("fine");
            assertThat(bed.omi.requestsTo(OmiSimulator.BASE_PATH)).noneSatisfy(request ->
                    assertThat(request.bodyText()).contains("stray"));
        }
    }

    @Test
    void omiServerErrorsAreRetriedAndItsRefusalIsDeadLettered() {
        try (EgressTestBed bed = new EgressTestBed(ReceiverSimulatorSettings.builder().port(0).build())) {
            bed.produce(List.of(forward(bed, "omi-retry")));
            // In opr.events, but never forwarded as far as OMi knows: OMi refuses the change (403).
            bed.produce(List.of(bed.omiEvent("omi-unknown-to-omi", "not OMi's")));
            bed.omi.faults(OmiSimulator.BASE_PATH).failNext(2, 503);
            bed.produce(List.of(change(bed, EgressTestBed.externalId("omi-retry"), "retried",
                    SyncBackProperties.state(State.RESOLVED))));
            // The simulator applies a change before it logs the request: wait for the log, then both hold.
            Await.until(() -> bed.omi.requestsTo(OmiSimulator.BASE_PATH).stream().anyMatch(r -> r.status() == 200),
                    WAIT, "the change at OMi after two 503s");
            assertThat(bed.omi.requestsTo(OmiSimulator.BASE_PATH)).extracting(RecordedRequest::status)
                    .containsSubsequence(503, 503, 200);
            assertThat(bed.omi.event("omi-retry")).hasValueSatisfying(e ->
                    assertThat(e.textOf("state")).contains("resolved"));

            bed.produce(List.of(change(bed, EgressTestBed.externalId("omi-unknown-to-omi"), "refused",
                    SyncBackProperties.state(State.CLOSED))));
            List<ConsumerRecord<String, byte[]>> dead = awaitDeadLetters(bed, 1);
            assertThat(header(dead.get(0), KafkaDeadLetters.STATUS)).isEqualTo("403");
            assertThat(header(dead.get(0), KafkaDeadLetters.ATTEMPTS)).as("a 4xx is not retried").isEqualTo("1");
        }
    }

    /** The event as OMi forwards it: OMi remembers it, and it is on opr.events as the gateway writes it. */
    private static ProducerRecord<String, byte[]> forward(EgressTestBed bed, String omiId) {
        ProducerRecord<String, byte[]> record = bed.omiEvent(omiId, "sync-back " + omiId);
        OprNode event = OprJson.read(EgressTestBed.JSON.readTree(record.value()).path("event").toString()
                .getBytes(StandardCharsets.UTF_8), "event", null);
        bed.omi.remember(event, "omi", EgressTestBed.externalId(omiId));
        return record;
    }

    private static ProducerRecord<String, byte[]> change(EgressTestBed bed, String externalId, String changeId,
                                                         SyncBackProperties properties) {
        return new ProducerRecord<>(bed.syncBack, externalId,
                SERDE.write(SyncBackChange.of(externalId, changeId, properties)));
    }

    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(EgressTestBed bed, int count) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Await.until(() -> {
            found.clear();
            found.addAll(TopicReader.readToEnd(bed.broker.bootstrapServers(), bed.deadLetters,
                    new ByteArrayDeserializer()));
            return found.size() >= count;
        }, WAIT, count + " dead letter(s)");
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
