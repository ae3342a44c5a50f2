package io.eventsync.sandbox.omi;

import static io.eventsync.sandbox.omi.OmiSamples.change;
import static io.eventsync.sandbox.omi.OmiSamples.changeOf;
import static io.eventsync.sandbox.omi.OmiSamples.event;
import static io.eventsync.sandbox.omi.OmiSamples.read;
import static io.eventsync.sandbox.omi.OmiSamples.set;
import static io.eventsync.sandbox.omi.OmiSamples.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.contracts.opr.EventRef;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OMi's OPR client forwarding to a connected server, here a fake gateway on loopback. */
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
        assertThat(read(request.body(), OprFormat.XML, OprCodec.Expect.EVENTS)).isEqualTo(event("omi-1"));
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
        List<OprEvent> sent = ((OprEventList) read(request.body(), OprFormat.XML, OprCodec.Expect.EVENTS)).event();
        assertThat(sent).extracting(OprEvent::id).containsExactly("omi-1", "omi-2", "omi-3");
        assertThat(sent).extracting(OprEvent::sequenceNumber).containsExactly(1L, 2L, 3L);
        assertThat(omi.externalId("omi-3")).contains("ext-3");
        assertThat(client.post("event_change_list", SyncClient.XML, write(new OprEventChangeList(
                List.of(changeOf("omi-2", 1, set("state", "closed")))), OprFormat.XML)).status()).isEqualTo(200);
    }

    @Test
    void anEventABulkAnswerLeavesOutIsNamedAndStaysUnforwarded() {
        gateway.leaveOutTheLastOfTheNextBulk();

        assertThatThrownBy(() -> omi.forward(List.of(event("omi-1"), event("omi-2"))))
                .isInstanceOf(OmiForwardingException.class).hasMessageContaining("sequence_number [2]");

        assertThat(omi.externalId("omi-1")).contains("ext-1");
        assertThat(omi.event("omi-2")).isEmpty();
    }

    @Test
    void aRefusalThrowsNamingTheStatusAndBodyAndForwardsNothing() {
        gateway.refuseNextWith(503);

        assertThatThrownBy(() -> omi.forward(event("omi-1"))).isInstanceOfSatisfying(OmiForwardingException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.body()).contains("refused on purpose");
                    assertThat(e).hasMessageContaining("503").hasMessageContaining("refused on purpose")
                            .hasMessageContaining("/opr/event");
                });
        assertThat(omi.event("omi-1")).isEmpty();
        assertThat(client.get("event/omi-1", null).status()).isEqualTo(403);
    }

    @Test
    void aChangeGoesToTheExternalIdWithEventRefFilledInAndIsAppliedToOmisEvent() {
        omi.forward(event("omi-1"));

        OprEventChange echoed = omi.forwardChange("omi-1", change("c-1", set("state", "closed")));

        FakeGateway.Received request = gateway.received().get(1);
        assertThat(request.path()).isEqualTo("/opr/event_change/ext-1");
        assertThat(request.contentType()).isEqualTo("application/xml");
        assertThat(request.authorization()).isEqualTo(OMI_BASIC);
        OprEventChange sent = (OprEventChange) read(request.body(), OprFormat.XML, OprCodec.Expect.EVENT_CHANGES);
        assertThat(sent.eventRef()).isEqualTo(new EventRef(null, null, "omi-1", "ext-1"));
        assertThat(echoed).isEqualTo(sent);
        assertThat(omi.event("omi-1")).get().extracting(OprEvent::state).isEqualTo(State.CLOSED);
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
