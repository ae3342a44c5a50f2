package io.eventsync.sandbox.omi;

import static io.eventsync.sandbox.omi.OmiSamples.change;
import static io.eventsync.sandbox.omi.OmiSamples.changeOf;
import static io.eventsync.sandbox.omi.OmiSamples.event;
import static io.eventsync.sandbox.omi.OmiSamples.read;
import static io.eventsync.sandbox.omi.OmiSamples.list;
import static io.eventsync.sandbox.omi.OmiSamples.set;
import static io.eventsync.sandbox.omi.OmiSamples.text;
import static io.eventsync.sandbox.omi.OmiSamples.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.simulators.omi.OprNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OMi's OPR client forwarding to a connected server, here a fake gateway on loopback, by the forwarding
 * document's rules (the simulators' OMi model): what an answer leaves out, or a 5xx, is sent again; a 4xx is
 * final.
 */
class OmiSimulatorForwardingIT extends GatewayFixture {

    @Test
    void aForwardedEventIsPostedAsXmlWithBasicAuthAndBecomesOursToSyncBack() {
        String externalId = omi.forward(event("omi-1"));

        assertThat(externalId).isEqualTo("ext-1");
        FakeGateway.Received request = gateway.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/opr/event");
        assertThat(request.contentType()).isEqualTo("application/xml");
        assertThat(request.authorization()).isEqualTo(OMI_BASIC);
        assertThat(read(request.body(), OprFormat.XML, "event")).isEqualTo(event("omi-1"));
        assertThat(omi.externalId("omi-1")).contains("ext-1");
        assertThat(omi.event("omi-1")).contains(event("omi-1"));
        assertThat(client.get("event/omi-1", null).status()).isEqualTo(200);
        assertThat(client.as(OTHER_SERVER, OTHER_PASSWORD).get("event/omi-1", null).status()).isEqualTo(403);
    }

    @Test
    void aBulkIsNumberedAndEachExternalIdIsMatchedBySequenceNumber() {
        List<String> externalIds = omi.forward(List.of(event("omi-1"), event("omi-2"), event("omi-3")));

        assertThat(externalIds).containsExactly("ext-1", "ext-2", "ext-3");
        FakeGateway.Received request = gateway.received().get(0);
        assertThat(request.path()).isEqualTo("/opr/event");
        assertThat(request.contentType()).isEqualTo("application/xml;type=collection");
        assertThat(request.authorization()).isEqualTo(OMI_BASIC);
        List<OprNode> sent = read(request.body(), OprFormat.XML, "event").children("event");
        assertThat(sent).extracting(event -> text(event, "id")).containsExactly("omi-1", "omi-2", "omi-3");
        assertThat(sent).extracting(event -> text(event, "sequence_number")).containsExactly("1", "2", "3");
        assertThat(omi.externalId("omi-3")).contains("ext-3");
        assertThat(client.post("event_change_list", SyncClient.XML, write(list("event_change_list",
                changeOf("omi-2", 1, set("state", "closed"))), OprFormat.XML)).status()).isEqualTo(200);
    }

    @Test
    void anEventABulkAnswerLeavesOutIsSentAgainInALaterBulk() {
        gateway.leaveOutTheLastOfTheNextBulk();

        List<String> externalIds = omi.forward(List.of(event("omi-1"), event("omi-2")));

        assertThat(externalIds).containsExactly("ext-1", "ext-3");
        assertThat(gateway.received()).hasSize(2);
        assertThat(read(gateway.received().get(1).body(), OprFormat.XML, "event").children("event"))
                .extracting(event -> text(event, "id") + "#" + text(event, "sequence_number"))
                .containsExactly("omi-2#1");
        assertThat(omi.event("omi-2")).isPresent();
    }

    @Test
    void a5xxIsSentAgainAndA4xxThrowsNamingTheStatusAndBodyAndForwardsNothing() {
        gateway.refuseNextWith(503);
        assertThat(omi.forward(event("omi-1"))).isEqualTo("ext-1");
        assertThat(gateway.received()).hasSize(2);

        gateway.refuseNextWith(400);
        assertThatThrownBy(() -> omi.forward(event("omi-2"))).isInstanceOfSatisfying(OmiForwardingException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).contains("refused on purpose");
                    assertThat(e).hasMessageContaining("400").hasMessageContaining("refused on purpose")
                            .hasMessageContaining("/opr/event");
                });
        assertThat(gateway.received()).as("a 4xx is final: nothing sent again").hasSize(3);
        assertThat(omi.event("omi-2")).isEmpty();
        assertThat(client.get("event/omi-2", null).status()).isEqualTo(403);
    }

    @Test
    void aChangeGoesToTheExternalIdWithEventRefFilledInAndIsAppliedToOmisEvent() {
        omi.forward(event("omi-1"));

        omi.forwardChange("omi-1", change("c-1", set("state", "closed")));

        FakeGateway.Received request = gateway.received().get(1);
        assertThat(request.path()).isEqualTo("/opr/event_change/ext-1");
        assertThat(request.contentType()).isEqualTo("application/xml");
        assertThat(request.authorization()).isEqualTo(OMI_BASIC);
        OprNode sent = read(request.body(), OprFormat.XML, "event_change");
        assertThat(sent.child("event_ref")).contains(OprNode.branch("event_ref", OprNode.leaf("target_id", "omi-1"),
                OprNode.leaf("target_global_id", "ext-1")));
        assertThat(text(sent, "id")).isEqualTo("c-1");
        assertThat(omi.event("omi-1")).get().extracting(event -> text(event, "state")).isEqualTo("closed");
        assertThat(omi.changesReceived()).as("OMi's own change was not synced back").isEmpty();
    }

    @Test
    void aChangeForAnEventNeverForwardedIsRefusedBeforeAnyRequest() {
        assertThatIllegalArgumentException().isThrownBy(() -> omi.forwardChange("omi-9", change("c-1")))
                .withMessageContaining("omi-9");
        assertThat(gateway.received()).isEmpty();
    }

    @Test
    void withoutAGatewayUrlForwardingIsRefused() {
        try (OmiSimulator syncBackOnly = OmiSimulator.start(OmiSimulatorSettings.builder().port(0).build())) {
            assertThatIllegalStateException().isThrownBy(() -> syncBackOnly.forward(event("omi-1")))
                    .withMessageContaining("gatewayUrl");
        }
    }
}
