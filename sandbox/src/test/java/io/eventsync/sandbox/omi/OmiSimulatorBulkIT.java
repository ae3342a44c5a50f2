package io.eventsync.sandbox.omi;

import static io.eventsync.sandbox.omi.OmiSamples.changeOf;
import static io.eventsync.sandbox.omi.OmiSamples.event;
import static io.eventsync.sandbox.omi.OmiSamples.read;
import static io.eventsync.sandbox.omi.OmiSamples.set;
import static io.eventsync.sandbox.omi.OmiSamples.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.ChangedProperties;
import io.eventsync.contracts.opr.EventRef;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists synced back at once: applied in order, and refused whole when one item may not be applied. */
class OmiSimulatorBulkIT extends OmiFixture {

    @BeforeEach
    void forwardThreeEvents() {
        omi.remember(event("omi-1"), SERVER, "ext-1");
        omi.remember(event("omi-2"), SERVER, "ext-2");
        omi.remember(event("omi-3"), OTHER_SERVER, "sm-3");
    }

    @Test
    void anEventChangeListIsAppliedInOrderAndEchoedWithItsIdsAndSequenceNumbers() {
        OprEventChangeList sent = new OprEventChangeList(List.of(
                changeOf("omi-1", 1, set("state", "in_progress")),
                changeOf("omi-2", 2, set("severity", "critical")),
                changeOf("omi-1", 3, set("state", "resolved"))));

        SyncClient.Reply reply = client.post("event_change_list", "application/xml;type=collection",
                write(sent, OprFormat.XML));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        OprEventChangeList echoed = (OprEventChangeList) read(reply, OprFormat.XML, OprCodec.Expect.EVENT_CHANGES);
        assertThat(echoed.eventChange()).extracting(OprEventChange::id).containsExactly("change-1", "change-2",
                "change-3");
        assertThat(echoed.eventChange()).extracting(OprEventChange::sequenceNumber).containsExactly(1L, 2L, 3L);
        assertThat(omi.event("omi-1")).get().extracting(OprEvent::state).as("the later change wins")
                .isEqualTo(State.RESOLVED);
        assertThat(omi.event("omi-2")).get().extracting(OprEvent::severity).isEqualTo(Severity.CRITICAL);
        assertThat(omi.changesReceived()).containsExactlyElementsOf(sent.eventChange());
    }

    @Test
    void anItemNamesItsEventByEventRefIdWhenItHasNoTargetId() {
        OprEventChange byId = new OprEventChange("c-1", 1L, new EventRef("omi-2", null, null, null),
                new ChangedProperties(List.of(set("title", "renamed"))), Map.of());

        SyncClient.Reply reply = client.post("event_change_list", SyncClient.JSON,
                write(new OprEventChangeList(List.of(byId)), OprFormat.JSON));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(omi.event("omi-2")).get().extracting(OprEvent::title).isEqualTo("renamed");
    }

    @Test
    void aListWithOneItemForAnEventOfAnotherServerIsRefusedWholeAndNothingIsApplied() {
        OprEventChangeList sent = new OprEventChangeList(List.of(
                changeOf("omi-1", 1, set("state", "closed")),
                changeOf("omi-3", 2, set("state", "closed"))));

        SyncClient.Reply reply = client.post("event_change_list", "application/xml;type=collection",
                write(sent, OprFormat.XML));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("detail").asString()).contains("event_change[1]", "omi-3");
        assertThat(omi.event("omi-1")).contains(event("omi-1"));
        assertThat(omi.event("omi-3")).contains(event("omi-3"));
        assertThat(omi.changesReceived()).isEmpty();
    }

    @Test
    void aListItemWithoutEventRefIs400NamingItsIndex() {
        OprEventChange withoutRef = new OprEventChange("c-2", 2L, null,
                new ChangedProperties(List.of(set("state", "closed"))), Map.of());

        SyncClient.Reply reply = client.post("event_change_list", SyncClient.XML, write(new OprEventChangeList(
                List.of(changeOf("omi-1", 1, set("state", "closed")), withoutRef)), OprFormat.XML));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asString()).contains("event_change[1]", "event_ref");
        assertThat(omi.changesReceived()).isEmpty();
    }

    @Test
    void anEventListChangesEachEventByIdAndAnswersThemWithTheirSequenceNumbers() {
        OprEventList sent = new OprEventList(List.of(
                OprEvent.of("omi-1", "first, renamed", null).withSequenceNumber(5L),
                OprEvent.of("omi-2", null, Severity.MINOR).withSequenceNumber(6L)));

        SyncClient.Reply reply = client.post("event_list", "application/xml;type=collection",
                write(sent, OprFormat.XML));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<OprEvent> answered = ((OprEventList) read(reply, OprFormat.XML, OprCodec.Expect.EVENTS)).event();
        assertThat(answered).extracting(OprEvent::id).containsExactly("omi-1", "omi-2");
        assertThat(answered).extracting(OprEvent::sequenceNumber).containsExactly(5L, 6L);
        assertThat(omi.event("omi-1")).get().extracting(OprEvent::title, OprEvent::severity)
                .containsExactly("first, renamed", Severity.MAJOR);
        assertThat(omi.event("omi-2")).get().extracting(OprEvent::title, OprEvent::severity)
                .containsExactly("event omi-2", Severity.MINOR);
        assertThat(omi.changesReceived()).hasSize(2);
    }

    @Test
    void anEventListWithOneEventOfAnotherServerIsRefusedWhole() {
        OprEventList sent = new OprEventList(List.of(
                OprEvent.of("omi-1", "renamed", null).withSequenceNumber(1L),
                OprEvent.of("omi-3", "renamed", null).withSequenceNumber(2L)));

        SyncClient.Reply reply = client.post("event_list", SyncClient.JSON, write(sent, OprFormat.JSON));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("detail").asString()).contains("event[1]", "omi-3");
        assertThat(omi.event("omi-1")).contains(event("omi-1"));
        assertThat(omi.changesReceived()).isEmpty();
    }
}
