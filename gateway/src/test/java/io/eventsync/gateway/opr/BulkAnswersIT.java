package io.eventsync.gateway.opr;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.OmiSide;
import io.eventsync.simulators.omi.ForwardingSettings.EventRefStyle;
import io.eventsync.simulators.omi.ForwardingTally;
import io.eventsync.simulators.omi.OmiForwarder;
import io.eventsync.simulators.omi.OmiForwarder.Outcome;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.WireFormat;
import io.eventsync.testkit.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A bulk OMi forwards, read as OMi reads the answer ("Forward events and event changes from OPR
 * client"): a 4xx fails every event of the request for good, so one event the gateway cannot take
 * must never cost the others. Each case is judged by the independent OMi model's tally: only the bad
 * event marked failed, every other one acknowledged and on the topic as sent.
 */
class BulkAnswersIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("bulk-answers");
    private static final int MAX_BULK_ITEMS = 20;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
        registry.add("eventsync.gateway.max-bulk-items", () -> MAX_BULK_ITEMS);
        registry.add("eventsync.gateway.max-body-size", () -> "64KB");
        registry.add("eventsync.kafka.producer.max.request.size", () -> "32768");
    }

    private final List<OmiForwarder> forwarders = new ArrayList<>();

    private OmiForwarder omi(WireFormat format) {
        OmiForwarder forwarder = OmiSide.forwarder(port, format, EventRefStyle.TARGET_IDS);
        forwarders.add(forwarder);
        return forwarder;
    }

    @AfterEach
    void closeForwarders() {
        forwarders.forEach(OmiForwarder::close);
    }

    private static OprNode event(String id, String title, String description) {
        List<OprNode> parts = new ArrayList<>();
        if (id != null) {
            parts.add(OprNode.leaf("id", id));
        }
        parts.add(OprNode.leaf("title", title));
        parts.add(OprNode.leaf("severity", "major"));
        parts.add(OprNode.leaf("state", "open"));
        if (description != null) {
            parts.add(OprNode.leaf("description", description));
        }
        return OprNode.branch("event", parts);
    }

    private static List<OprNode> goodEvents(int count, int descriptionBytes) {
        List<OprNode> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(UUID.randomUUID().toString(), "good event " + i,
                    descriptionBytes == 0 ? null : "d".repeat(descriptionBytes)));
        }
        return events;
    }

    private ForwardingTally settled(OmiForwarder omi) {
        assertThat(omi.settle(Duration.ofSeconds(30))).as("OMi has nothing left to resend").isTrue();
        ForwardingTally tally = omi.tally();
        System.out.println(tally);
        OmiSide.assertAcknowledgedEventsOnTopicAsSent(omi, OmiSide.topic(bootstrap(), topic()));
        return tally;
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"XML_COLLECTION", "JSON_WRAPPED"})
    void anEventWithoutAnIdFailsAloneAndTheRestOfItsBulkIsAcknowledged(WireFormat format) {
        OmiForwarder omi = omi(format);
        List<OprNode> bulk = goodEvents(5, 0);
        bulk.add(2, event(null, "no id", null));

        omi.forwardEvents(bulk);

        ForwardingTally tally = settled(omi);
        assertThat(tally.eventsAcknowledged()).isEqualTo(5);
        assertThat(tally.eventsFailed()).isEqualTo(1);
        assertThat(tally.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.status()).isEqualTo(400);
            assertThat(failure.problemType()).endsWith("missing-field");
        });
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"XML", "JSON_BARE"})
    void anEventWithAnInvalidValueFailsAloneAndTheRestOfItsBulkIsAcknowledged(WireFormat format) {
        OmiForwarder omi = omi(format);
        List<OprNode> bulk = goodEvents(4, 0);
        String bad = UUID.randomUUID().toString();
        bulk.add(1, event(bad, "bad severity", null).with("severity", "catastrophic"));

        omi.forwardEvents(bulk);

        ForwardingTally tally = settled(omi);
        assertThat(tally.eventsAcknowledged()).isEqualTo(4);
        assertThat(omi.eventOutcome(bad)).contains(Outcome.FAILED);
        assertThat(tally.failures()).singleElement().satisfies(failure -> assertThat(failure.status()).isEqualTo(400));
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"XML_COLLECTION", "JSON_WRAPPED"})
    void aBulkOfMoreEventsThanTheGatewayTakesAtOnceIsAcknowledgedEventByEvent(WireFormat format) {
        OmiForwarder omi = omi(format);

        omi.forwardEvents(goodEvents(MAX_BULK_ITEMS + 5, 0));

        ForwardingTally tally = settled(omi);
        assertThat(tally.eventsAcknowledged()).isEqualTo(MAX_BULK_ITEMS + 5);
        assertThat(tally.eventsFailed()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"XML_COLLECTION", "JSON_BARE"})
    void aBulkLargerThanTheBodyLimitIsAcknowledgedEventByEvent(WireFormat format) {
        OmiForwarder omi = omi(format);

        omi.forwardEvents(goodEvents(15, 6_000));

        ForwardingTally tally = settled(omi);
        assertThat(tally.eventsAcknowledged()).isEqualTo(15);
        assertThat(tally.eventsFailed()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = WireFormat.class, names = {"XML", "JSON_WRAPPED"})
    void anEventTooLargeForKafkaFailsAloneAndTheRestOfItsBulkIsAcknowledged(WireFormat format) {
        OmiForwarder omi = omi(format);
        List<OprNode> bulk = goodEvents(3, 100);
        String huge = UUID.randomUUID().toString();
        bulk.add(event(huge, "huge", "h".repeat(40_000)));

        omi.forwardEvents(bulk);

        ForwardingTally tally = settled(omi);
        assertThat(tally.eventsAcknowledged()).isEqualTo(3);
        assertThat(omi.eventOutcome(huge)).contains(Outcome.FAILED);
        assertThat(tally.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.status()).isEqualTo(413);
            assertThat(failure.problemType()).endsWith("item-too-large");
        });
    }
}
