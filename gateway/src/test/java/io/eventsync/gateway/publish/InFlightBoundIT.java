package io.eventsync.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.OmiSide;
import io.eventsync.simulators.omi.ForwardingSettings.EventRefStyle;
import io.eventsync.simulators.omi.ForwardingTally;
import io.eventsync.simulators.omi.OmiForwarder;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.WireFormat;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.RestartableKafkaBroker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The in-flight bound ({@code max-in-flight-items}) reached while Kafka does not acknowledge: a bulk that
 * arrives then is answered at once with 200 and an empty list (OMi resends it as a bulk later), one event with
 * 503 and {@code Retry-After} (OMi resends a single after a 5xx). Neither is ever a 4xx, and nothing of
 * either is lost once Kafka is back.
 */
class InFlightBoundIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("in-flight");
    private static RestartableKafkaBroker broker;

    @Autowired
    private MeterRegistry registry;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        broker = Brokers.dedicated();
        broker.createTopic(TOPIC, 3);
        gatewayProperties(registry, broker, TOPIC);
        // Each item is two records (the event and its state): ten items fill the bound.
        registry.add("eventsync.gateway.max-in-flight-items", () -> "20");
        registry.add("eventsync.gateway.publish-timeout", () -> "6s");
        registry.add("eventsync.gateway.retry-after", () -> "1s");
        registry.add("eventsync.kafka.admin-timeout", () -> "1s");
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void whatArrivesWhileTheBoundIsFullIsResentAsOmiSendsItNeverFailed() throws Exception {
        try (OmiForwarder holding = OmiSide.forwarder(port, WireFormat.XML_COLLECTION, EventRefStyle.TARGET_IDS);
             OmiForwarder late = OmiSide.forwarder(port, WireFormat.XML_COLLECTION, EventRefStyle.TARGET_IDS)) {
            broker.stop();
            // Ten items Kafka cannot acknowledge: they hold the whole bound until publish-timeout.
            CompletableFuture<Void> held = CompletableFuture.runAsync(() -> holding.forwardEvents(events(10)));
            awaitInFlight(20);

            late.forwardEvents(events(5));
            late.forwardEvent(events(1).get(0));
            ForwardingTally refused = late.tally();
            System.out.println("while the bound is full: " + refused);
            assertThat(refused.bulkAnswers()).as("the bulk, as OMi hears it").containsOnlyKeys(200);
            assertThat(refused.itemsLeftOut()).isEqualTo(5);
            assertThat(refused.singleAnswers()).as("the single event, as OMi hears it").containsOnlyKeys(503);
            assertThat(refused.eventsFailed()).isZero();
            held.join();

            broker.start();
            assertThat(holding.settle(Duration.ofSeconds(90))).isTrue();
            assertThat(late.settle(Duration.ofSeconds(90))).isTrue();
            for (OmiForwarder omi : List.of(holding, late)) {
                ForwardingTally tally = omi.tally();
                System.out.println("after Kafka is back: " + tally);
                assertThat(tally.eventsFailed()).isZero();
                assertThat(tally.eventsAcknowledged()).isEqualTo(tally.eventsSubmitted());
                assertThat(tally.bulkSplits()).as("bulks OMi had to resend one event at a time").isZero();
                OmiSide.assertAcknowledgedEventsOnTopicAsSent(omi, OmiSide.topic(broker.bootstrapServers(), TOPIC));
            }
        }
    }

    private static List<OprNode> events(int count) {
        List<OprNode> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(OprNode.branch("event", OprNode.leaf("id", UUID.randomUUID().toString()),
                    OprNode.leaf("title", "while the in-flight bound is full")));
        }
        return events;
    }

    /** Bounded wait for the first bulk to hold the bound (its records wait for Kafka). */
    private void awaitInFlight(int items) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (registry.get("eventsync.gateway.inflight.items").gauge().value() < items) {
            assertThat(Instant.now()).as("the first bulk holds the in-flight bound").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
