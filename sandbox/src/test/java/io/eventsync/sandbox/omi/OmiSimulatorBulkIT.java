package io.eventsync.sandbox.omi;

import static io.eventsync.sandbox.omi.OmiSamples.changeOf;
import static io.eventsync.sandbox.omi.OmiSamples.event;
import static io.eventsync.sandbox.omi.OmiSamples.eventWith;
import static io.eventsync.sandbox.omi.OmiSamples.list;
import static io.eventsync.sandbox.omi.OmiSamples.read;
import static io.eventsync.sandbox.omi.OmiSamples.set;
import static io.eventsync.sandbox.omi.OmiSamples.text;
import static io.eventsync.sandbox.omi.OmiSamples.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.simulators.omi.OprNode;
import java.util.List;
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
        OprNode sent = list("event_change_list",
                changeOf("omi-1", 1, set("state", "in_progress")),
                changeOf("omi-2", 2, set("severity", "critical")),
                changeOf("omi-1", 3, set("state", "resolved")));

        SyncClient.Reply reply = client.post("event_change_list", "application/xml;type=collection",
                write(sent, OprFormat.XML));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<OprNode> echoed = read(reply, OprFormat.XML, "event_change").children("event_change");
        assertThat(echoed).extracting(change -> text(change, "id")).containsExactly("change-1", "change-2",
                "change-3");
        assertThat(echoed).extracting(change -> text(change, "sequence_number")).containsExactly("1", "2", "3");
        assertThat(omi.event("omi-1")).get().extracting(event -> text(event, "state")).as("the later change wins")
                .isEqualTo("resolved");
        assertThat(omi.event("omi-2")).get().extracting(event -> text(event, "severity")).isEqualTo("critical");
        assertThat(omi.changesReceived()).containsExactlyElementsOf(sent.children());
    }

    @Test
    void anItemNamesItsEventByEventRefIdWhenItHasNoTargetId() {
        OprNode byId = OprNode.branch("event_change", OprNode.leaf("id", "c-1"), OprNode.leaf("sequence_number", "1"),
                OprNode.branch("event_ref", OprNode.leaf("id", "omi-2")),
                OprNode.branch("changed_properties", set("title", "renamed")));

        SyncClient.Reply reply = client.post("event_change_list", SyncClient.JSON,
                write(list("event_change_list", byId), OprFormat.JSON));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(omi.event("omi-2")).get().extracting(event -> text(event, "title")).isEqualTo("renamed");
    }

    @Test
    void aListWithOneItemForAnEventOfAnotherServerIsRefusedWholeAndNothingIsApplied() {
        OprNode sent = list("event_change_list",
                changeOf("omi-1", 1, set("state", "closed")),
                changeOf("omi-3", 2, set("state", "closed")));

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
        OprNode withoutRef = OprNode.branch("event_change", OprNode.leaf("id", "c-2"),
                OprNode.leaf("sequence_number", "2"), OprNode.branch("changed_properties", set("state", "closed")));

        SyncClient.Reply reply = client.post("event_change_list", SyncClient.XML, write(list("event_change_list",
                changeOf("omi-1", 1, set("state", "closed")), withoutRef), OprFormat.XML));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asString()).contains("event_change[1]", "event_ref");
        assertThat(omi.changesReceived()).isEmpty();
    }

    @Test
    void anEventListChangesEachEventByIdAndAnswersThemWithTheirSequenceNumbers() {
        OprNode sent = list("event_list", eventWith("omi-1", 5L, "first, renamed", null),
                eventWith("omi-2", 6L, null, "minor"));

        SyncClient.Reply reply = client.post("event_list", "application/xml;type=collection",
                write(sent, OprFormat.XML));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<OprNode> answered = read(reply, OprFormat.XML, "event").children("event");
        assertThat(answered).extracting(event -> text(event, "id")).containsExactly("omi-1", "omi-2");
        assertThat(answered).extracting(event -> text(event, "sequence_number")).containsExactly("5", "6");
        assertThat(omi.event("omi-1")).get().extracting(event -> text(event, "title"), event -> text(event, "severity"))
                .containsExactly("first, renamed", "major");
        assertThat(omi.event("omi-2")).get().extracting(event -> text(event, "title"), event -> text(event, "severity"))
                .containsExactly("event omi-2", "minor");
        assertThat(omi.changesReceived()).hasSize(2);
    }

    @Test
    void anEventListWithOneEventOfAnotherServerIsRefusedWhole() {
        OprNode sent = list("event_list", eventWith("omi-1", 1L, "renamed", null),
                eventWith("omi-3", 2L, "renamed", null));

        SyncClient.Reply reply = client.post("event_list", SyncClient.JSON, write(sent, OprFormat.JSON));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("detail").asString()).contains("event[1]", "omi-3");
        assertThat(omi.event("omi-1")).contains(event("omi-1"));
        assertThat(omi.changesReceived()).isEmpty();
    }
}
