package io.eventsync.gateway.opr;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.OmiSide;
import io.eventsync.gateway.support.OmiSide.TopicItem;
import io.eventsync.simulators.omi.ForwardingSettings.EventRefStyle;
import io.eventsync.simulators.omi.ForwardingTally;
import io.eventsync.simulators.omi.OmiChange;
import io.eventsync.simulators.omi.OmiForwarder;
import io.eventsync.simulators.omi.OmiForwarder.Outcome;
import io.eventsync.simulators.omi.OprEquivalence;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.WireFormat;
import io.eventsync.testkit.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Changes OMi forwards, read as OMi reads the answers: a change to an event OMi forwarded is never
 * refused for good (a 4xx to a single change, or any 4xx to a bulk, loses it), whatever the read
 * model knows at that moment; only a change to an event never forwarded fails, and alone.
 */
class ChangeAnswersIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("change-answers");
    private static final int LATER_EVENTS = 101_000;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
    }

    private final List<OmiForwarder> forwarders = new ArrayList<>();

    private OmiForwarder omi(WireFormat format, EventRefStyle style) {
        OmiForwarder forwarder = OmiSide.forwarder(port, format, style);
        forwarders.add(forwarder);
        return forwarder;
    }

    @AfterEach
    void closeForwarders() {
        forwarders.forEach(OmiForwarder::close);
    }

    private static OprNode event(String id) {
        return OprNode.branch("event", OprNode.leaf("id", id), OprNode.leaf("title", "event " + id),
                OprNode.leaf("severity", "major"), OprNode.leaf("state", "open"));
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    private static OmiChange close(String omiId) {
        return OmiChange.of(UUID.randomUUID().toString(), omiId, OmiChange.scalar("state", "closed", "open"));
    }

    private ForwardingTally settled(OmiForwarder omi) {
        assertThat(omi.settle(Duration.ofSeconds(30))).as("OMi has nothing left to resend").isTrue();
        ForwardingTally tally = omi.tally();
        System.out.println(tally);
        return tally;
    }

    @Test
    void changesToEventsForwardedLongBeforeAreTakenAloneAndInBulk() {
        OmiForwarder omi = omi(WireFormat.XML_COLLECTION, EventRefStyle.TARGET_IDS);
        List<String> early = ids(6);
        omi.forwardEvents(early.stream().map(ChangeAnswersIT::event).toList());
        // The heap model this replaced forgot the oldest events beyond its bound of 100,000 and answered
        // their changes 404: OMi's largest bulks, past that bound.
        for (int bulk = 0; bulk < LATER_EVENTS / 1_000; bulk++) {
            omi.forwardEvents(ids(1_000).stream().map(id -> OprNode.branch("event", OprNode.leaf("id", id),
                    OprNode.leaf("title", "later"))).toList());
        }
        assertThat(omi.settle(Duration.ofMinutes(3))).as("the later events acknowledged").isTrue();

        omi.forwardChange(close(early.get(0)));
        omi.forwardChanges(early.subList(1, 6).stream().map(ChangeAnswersIT::close).toList());

        ForwardingTally tally = settled(omi);
        assertThat(tally.changesAcknowledged()).isEqualTo(6);
        assertThat(tally.changesFailed()).isZero();
    }

    @Test
    void aBulkChangeNamingItsEventByGlobalIdAloneIsTaken() {
        OmiForwarder omi = omi(WireFormat.XML, EventRefStyle.GLOBAL_ID);
        List<String> events = ids(3);
        omi.forwardEvents(events.stream().map(ChangeAnswersIT::event).toList());

        omi.forwardChanges(events.stream().map(ChangeAnswersIT::close).toList());

        ForwardingTally tally = settled(omi);
        assertThat(tally.changesAcknowledged()).isEqualTo(3);
        assertThat(tally.changesFailed()).isZero();
    }

    @Test
    void aChangeNamingTheSamePropertyTwiceIsTakenInDocumentOrder() {
        OmiForwarder omi = omi(WireFormat.JSON_STREAMED, EventRefStyle.TARGET_IDS);
        String id = UUID.randomUUID().toString();
        omi.forwardEvent(event(id));
        OmiChange twice = OmiChange.of(UUID.randomUUID().toString(), id,
                OmiChange.scalar("title", "first", "event " + id), OmiChange.scalar("severity", "critical", "major"),
                OmiChange.scalar("title", "second", "first"));

        omi.forwardChanges(List.of(twice));

        ForwardingTally tally = settled(omi);
        assertThat(tally.changesAcknowledged()).isEqualTo(1);
        assertThat(omi.acknowledgedState(id).orElseThrow().textOf("title")).contains("second");
        List<TopicItem> topic = OmiSide.topic(bootstrap(), topic());
        OprNode published = topic.stream().filter(item -> "event_change".equals(item.kind())
                && item.omiEventId().equals(id)).findFirst().orElseThrow().eventChange();
        assertThat(published.child("changed_properties").orElseThrow().children())
                .extracting(change -> change.textOf("current_value").orElseThrow())
                .containsExactlyInAnyOrder("first", "critical", "second");
    }

    @Test
    void aBulkChangeForAnEventNeverForwardedFailsAloneAndTheOthersAreTaken() {
        OmiForwarder omi = omi(WireFormat.XML_COLLECTION, EventRefStyle.TARGET_IDS);
        List<String> events = ids(3);
        omi.forwardEvents(events.stream().map(ChangeAnswersIT::event).toList());
        String ghost = UUID.randomUUID().toString();
        omi.assumeForwarded(event(ghost), UUID.randomUUID().toString());
        List<OmiChange> bulk = new ArrayList<>(events.stream().map(ChangeAnswersIT::close).toList());
        OmiChange toGhost = close(ghost);
        bulk.add(1, toGhost);

        omi.forwardChanges(bulk);

        ForwardingTally tally = settled(omi);
        assertThat(tally.changesAcknowledged()).isEqualTo(3);
        assertThat(omi.changeOutcome(toGhost.id())).contains(Outcome.FAILED);
        assertThat(tally.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.status()).isEqualTo(404);
            assertThat(failure.problemType()).endsWith("unknown-event");
        });
    }

    @Test
    void everyChangeRecordCarriesTheEventAsOmiHoldsItAfterTheChange() {
        OmiForwarder omi = omi(WireFormat.XML, EventRefStyle.TARGET_IDS);
        String id = UUID.randomUUID().toString();
        omi.forwardEvent(event(id));
        omi.forwardChange(OmiChange.of(UUID.randomUUID().toString(), id,
                OmiChange.listEntry("custom_attribute", "add", OprNode.branch("custom_attribute",
                        OprNode.leaf("name", "Ticket"), OprNode.leaf("value", "INC-7"))),
                OmiChange.scalar("severity", "critical", "major")));
        omi.forwardChange(close(id));

        settled(omi);
        List<TopicItem> changes = OmiSide.topic(bootstrap(), topic()).stream()
                .filter(item -> "event_change".equals(item.kind()) && item.omiEventId().equals(id)).toList();
        assertThat(changes).hasSize(2);
        OprNode last = changes.get(1).event();
        assertThat(last).as("the event after the change, on the change record").isNotNull();
        assertThat(OprEquivalence.differences(omi.acknowledgedState(id).orElseThrow(), last)).isEmpty();
    }
}
