package io.eventsync.simulators.omi;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.simulators.omi.ForwardingSettings.EventRefStyle;
import io.eventsync.simulators.omi.OmiForwarder.Outcome;
import io.eventsync.simulators.omi.ScriptedTarget.Request;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OMi's reactions to each kind of answer, as "Forward events and event changes from OPR client" lays them down. */
class OmiForwarderTest {

    private ScriptedTarget target;
    private OmiForwarder omi;

    @BeforeEach
    void start() throws Exception {
        target = new ScriptedTarget();
        omi = forwarder(WireFormat.XML_COLLECTION, EventRefStyle.TARGET_IDS);
    }

    private OmiForwarder forwarder(WireFormat format, EventRefStyle style) {
        return new OmiForwarder(ForwardingSettings.of(target.baseUrl(), "omi", "s3cret")
                .withFormat(format).withEventRef(style).withResendDelay(Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() {
        omi.close();
        target.close();
    }

    private static OprNode event(String id) {
        return OprNode.branch("event", OprNode.leaf("id", id), OprNode.leaf("title", "event " + id));
    }

    @Test
    void aBulkIsPostedAsOmiWritesItAndEveryListedEventKeepsItsExternalId() {
        target.then(ScriptedTarget::acceptAll);
        omi.forwardEvents(List.of(OprDocumentsTest.DISK, OprDocumentsTest.HTTPD));

        Request sent = target.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/opr/event");
        assertThat(sent.contentType()).isEqualTo("application/xml;type=collection");
        assertThat(sent.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("omi:s3cret".getBytes()));
        assertThat(sent.body()).isEqualTo(OprDocumentsTest.resource("event_list.xml"));
        assertThat(omi.externalIds()).isEqualTo(Map.of("e-1", "ext-e-1", "e-2", "ext-e-2"));
        assertThat(omi.tally().eventsAcknowledged()).isEqualTo(2);
        assertThat(omi.settle(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void jsonBulksComeInTheConfiguredShape() {
        omi.close();
        omi = forwarder(WireFormat.JSON_WRAPPED, EventRefStyle.TARGET_IDS);
        target.then(ScriptedTarget::acceptAll);
        omi.forwardEvents(List.of(OprDocumentsTest.DISK, OprDocumentsTest.HTTPD));
        assertThat(target.requests().get(0).contentType()).isEqualTo("application/json");
        assertThat(target.requests().get(0).body()).isEqualTo(OprDocumentsTest.resource("event_list-wrapped.json"));
        assertThat(omi.tally().eventsAcknowledged()).isEqualTo(2);
    }

    @Test
    void itemsA2xxLeavesOutAreResentInALaterBulkNumberedAfresh() {
        target.then(ScriptedTarget.acceptOnly(2), ScriptedTarget::acceptAll);
        omi.forwardEvents(List.of(event("a"), event("b"), event("c")));
        assertThat(omi.eventOutcome("b")).contains(Outcome.ACKNOWLEDGED);
        assertThat(omi.eventOutcome("a")).contains(Outcome.PENDING);

        assertThat(omi.settle(Duration.ofSeconds(5))).isTrue();
        Request resent = target.requests().get(1);
        assertThat(resent.path()).isEqualTo("/opr/event");
        assertThat(OprXml.read(resent.body().getBytes()).children("event"))
                .extracting(e -> e.textOf("id").orElseThrow() + "#" + e.textOf("sequence_number").orElseThrow())
                .containsExactly("a#1", "c#2");
        ForwardingTally tally = omi.tally();
        assertThat(tally.itemsLeftOut()).isEqualTo(2);
        assertThat(tally.eventsAcknowledged()).isEqualTo(3);
        assertThat(tally.singleRequests()).isZero();
    }

    @Test
    void a5xxToABulkResendsEachItemAloneAndOnlyA4xxToASingleFailsIt() {
        target.then(ScriptedTarget.problem(501, "resend-items-alone"), ScriptedTarget::acceptAll,
                ScriptedTarget.problem(400, "invalid-field"), ScriptedTarget::acceptAll);
        omi.forwardEvents(List.of(event("a"), event("b"), event("c")));

        List<Request> requests = target.requests();
        assertThat(requests).hasSize(4);
        assertThat(requests.subList(1, 4)).allSatisfy(single -> {
            assertThat(single.contentType()).isEqualTo("application/xml");
            assertThat(OprXml.read(single.body().getBytes()).name()).isEqualTo("event");
            assertThat(single.body()).doesNotContain("sequence_number");
        });
        ForwardingTally tally = omi.tally();
        assertThat(tally.bulkSplits()).isEqualTo(1);
        assertThat(tally.eventsAcknowledged()).isEqualTo(2);
        assertThat(tally.eventsFailed()).isEqualTo(1);
        assertThat(tally.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.status()).isEqualTo(400);
            assertThat(failure.problemType()).isEqualTo("urn:test:invalid-field");
        });
    }

    @Test
    void a4xxToABulkFailsEveryItemForGood() {
        target.then(ScriptedTarget.problem(413, "too-many-items"), ScriptedTarget::acceptAll);
        omi.forwardEvents(List.of(event("a"), event("b")));
        assertThat(omi.settle(Duration.ofMillis(300))).isTrue();
        assertThat(target.requests()).hasSize(1);
        assertThat(omi.tally().eventsFailed()).isEqualTo(2);
        assertThat(omi.tally().eventsAcknowledged()).isZero();
    }

    @Test
    void aSingleAnswered503IsSentAgainAfterRetryAfterAndANoAnswerBulkComesBackAsABulk() {
        target.then(ScriptedTarget::unavailable, ScriptedTarget::acceptAll);
        omi.forwardEvent(event("a"));
        assertThat(omi.eventOutcome("a")).contains(Outcome.PENDING);
        assertThat(omi.settle(Duration.ofSeconds(5))).isTrue();
        assertThat(omi.externalId("a")).contains("ext-a");

        target.then(ScriptedTarget::drop, ScriptedTarget::acceptAll);
        omi.forwardEvents(List.of(event("b"), event("c")));
        assertThat(omi.settle(Duration.ofSeconds(5))).isTrue();
        assertThat(omi.tally().bulkAnswers()).containsEntry(0, 1L).containsEntry(200, 1L);
        assertThat(omi.tally().eventsAcknowledged()).isEqualTo(3);
    }

    @Test
    void changesGoOutOnceTheirEventIsForwardedNamedAsConfigured() {
        target.then(ScriptedTarget.acceptOnly(), ScriptedTarget::acceptAll);
        omi.forwardEvents(List.of(event("e-1")));
        OmiChange bulk = OmiChange.of("c-1", "e-1", OmiChange.scalar("severity", "critical", "major"),
                OmiChange.listEntry("custom_attribute", "add", OprNode.branch("custom_attribute",
                        OprNode.leaf("name", "Ticket"), OprNode.leaf("value", "INC-7"))));
        omi.forwardChanges(List.of(bulk));
        assertThat(target.requests()).hasSize(1);
        assertThat(omi.settle(Duration.ofSeconds(5))).isTrue();
        Request changes = target.requests().get(2);
        assertThat(changes.path()).isEqualTo("/opr/event_change/");
        assertThat(changes.body()).isEqualTo(OprDocumentsTest.resource("event_change_list.xml"));
        assertThat(omi.acknowledgedState("e-1").orElseThrow().textOf("severity")).contains("critical");

        omi.close();
        omi = forwarder(WireFormat.XML, EventRefStyle.GLOBAL_ID);
        omi.forwardEvent(event("e-1"));
        omi.forwardChange(OmiChange.of("c-2", "e-1", OmiChange.scalar("state", "closed", "open")));
        Request single = target.requests().get(target.requests().size() - 1);
        assertThat(single.path()).isEqualTo("/opr/event_change/ext-e-1");
        assertThat(single.body()).isEqualTo(OprDocumentsTest.resource("event_change-global_id.xml"));
        assertThat(omi.changeOutcome("c-2")).contains(Outcome.ACKNOWLEDGED);
    }

    @Test
    void aChangeToAnEventOmiMarkedFailedIsNeverSent() {
        target.then(ScriptedTarget.problem(400, "missing-field"));
        omi.forwardEvent(event("a"));
        omi.forwardChange(OmiChange.of("c", "a", OmiChange.scalar("state", "closed", "open")));
        assertThat(omi.settle(Duration.ofMillis(200))).isTrue();
        assertThat(target.requests()).hasSize(1);
        assertThat(omi.changeOutcome("c")).contains(Outcome.ABANDONED);
        assertThat(omi.tally().changesAbandoned()).isEqualTo(1);
    }
}
