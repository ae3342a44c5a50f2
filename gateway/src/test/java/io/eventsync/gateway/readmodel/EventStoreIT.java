package io.eventsync.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.topic.ExternalIds;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.OprRecordSerde;
import io.eventsync.contracts.topic.RecordHeaderNames;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read model's store against a real broker: it holds what the state topic holds, catches up on
 * demand, goes on from its checkpoint after a restart without reading the topic again, and rebuilds a
 * lost store from the topic through the same path (so what it keeps is decoded the same way).
 */
class EventStoreIT {

    private final KafkaBroker broker = Brokers.shared();
    private final String topic = KafkaBroker.uniqueTopic("event-state");
    private final OprRecordSerde serde = new OprRecordSerde();
    private Admin admin;
    private Path dir;

    @BeforeEach
    void topicAndAdmin() throws Exception {
        broker.createCompactedTopic(topic, 3);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        dir = Files.createTempDirectory("event-store-it");
    }

    @AfterEach
    void closeAdmin() {
        admin.close();
    }

    private EventStore store(Path stateDir) {
        return Stores.started(broker.bootstrapServers(), topic, stateDir, admin, "event-store-it");
    }

    private void publish(int from, int to, State state) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = from; i < to; i++) {
                String externalId = ExternalIds.of("omi", "e-" + i);
                OprEvent event = OprEvent.of("e-" + i, "event " + i, Severity.MAJOR);
                event = new OprEvent(event.id(), null, null, event.title(), null, event.severity(), null, state, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, externalId,
                        serde.serializer().serialize(topic, OprRecord.ofEvent("omi", externalId, Instant.EPOCH, event)));
                record.headers().add(RecordHeaderNames.OPR_STATE, state.wireName().getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }
    }

    @Test
    void holdsEveryEventOfTheTopicAndGoesOnFromItsCheckpointAfterARestart() {
        publish(0, 300, State.OPEN);
        try (EventStore store = store(dir)) {
            assertThat(store.awaitCaughtUp(Duration.ofSeconds(60)).block()).isTrue();
            assertThat(store.find(ExternalIds.of("omi", "e-7"))).hasValueSatisfying(known -> {
                assertThat(known.omiEventId()).isEqualTo("e-7");
                assertThat(known.event().title()).isEqualTo("event 7");
                assertThat(known.forwardedBy("omi")).isTrue();
            });
            assertThat(store.applied()).isEqualTo(300);
            publish(0, 1, State.CLOSED);
            assertThat(store.awaitCaughtUp(Duration.ofSeconds(30)).block()).isTrue();
            assertThat(store.find(ExternalIds.of("omi", "e-0")).orElseThrow().event().state()).isEqualTo(State.CLOSED);
        }

        try (EventStore again = store(dir)) {
            assertThat(again.awaitCaughtUp(Duration.ofSeconds(60)).block()).isTrue();
            assertThat(again.applied()).as("records read again after a restart").isZero();
            assertThat(again.find(ExternalIds.of("omi", "e-299"))).isPresent();
            publish(300, 310, State.OPEN);
            assertThat(again.awaitCaughtUp(Duration.ofSeconds(30)).block()).isTrue();
            assertThat(again.applied()).isEqualTo(10);
            assertThat(again.find(ExternalIds.of("omi", "e-305"))).isPresent();
        }
    }

    @Test
    void aReplicaWithoutAStoreRebuildsItFromTheTopicAndKnowsWhereItStands() throws Exception {
        publish(0, 50, State.OPEN);
        publish(0, 1, State.CLOSED);
        try (EventStore fresh = store(Files.createTempDirectory("event-store-it-fresh"))) {
            assertThat(fresh.awaitCaughtUp(Duration.ofSeconds(60)).block()).isTrue();
            assertThat(fresh.find(ExternalIds.of("omi", "e-0")).orElseThrow().event().state()).isEqualTo(State.CLOSED);
            assertThat(fresh.find(ExternalIds.of("omi", "e-49"))).isPresent();
            assertThat(fresh.find(ExternalIds.of("omi", "e-50"))).isEmpty();
        }
    }
}
