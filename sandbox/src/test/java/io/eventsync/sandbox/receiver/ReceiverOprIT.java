package io.eventsync.sandbox.receiver;

import static io.eventsync.sandbox.receiver.OprSamples.answeredEvents;
import static io.eventsync.sandbox.receiver.OprSamples.event;
import static io.eventsync.sandbox.receiver.OprSamples.read;
import static io.eventsync.sandbox.receiver.OprSamples.stateChange;
import static io.eventsync.sandbox.receiver.OprSamples.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The OPR-compliant target of seed 000: events and changes, single and bulk, GET and ping. */
class ReceiverOprIT extends ReceiverFixture {

    @ParameterizedTest
    @EnumSource(OprFormat.class)
    void aSingleEventIsAnsweredWithItsExternalIdAndCanBeReadBack(OprFormat format) {
        OprEvent sent = OprEvent.of("omi-1", "Disk full", Severity.MAJOR);

        ReceiverClient.Reply reply = post("/opr/event", sent, format);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith(format.mediaType());
        OprEvent answered = (OprEvent) read(reply, format, OprCodec.Expect.EVENTS);
        assertThat(answered.id()).isNotBlank().isNotEqualTo("omi-1");
        assertThat(answered.withId("omi-1")).isEqualTo(sent);
        assertThat(simulator.eventsReceived()).containsExactly(sent);

        ReceiverClient.Reply got = client.get("/opr/event/" + answered.id());
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.header("Content-Type")).startsWith("application/xml");
        assertThat(read(got, OprFormat.XML, OprCodec.Expect.EVENTS)).isEqualTo(answered);
        assertThat(simulator.event(answered.id())).contains(answered);
    }

    @ParameterizedTest
    @EnumSource(OprFormat.class)
    void aBulkAnswerSetsEachExternalIdAndEchoesEachSequenceNumberInTheRequestsFormat(OprFormat format) {
        List<OprEvent> sent = List.of(event("omi-1", 7), event("omi-2", 8), event("omi-3", 9));

        ReceiverClient.Reply reply = post("/opr/event", new OprEventList(sent), format);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<OprEvent> answered = ((OprEventList) read(reply, format, OprCodec.Expect.EVENTS)).event();
        assertThat(answered).extracting(OprEvent::sequenceNumber).containsExactly(7L, 8L, 9L);
        assertThat(answered).extracting(OprEvent::id).doesNotContainNull().doesNotHaveDuplicates()
                .doesNotContain("omi-1", "omi-2", "omi-3");
        assertThat(answered).extracting(OprEvent::title).containsExactly("event omi-1", "event omi-2", "event omi-3");
        assertThat(simulator.eventsReceived()).containsExactlyElementsOf(sent);
        assertThat(simulator.event(answered.get(1).id())).get().extracting(OprEvent::sequenceNumber).isNull();
    }

    @Test
    void xmlCollectionsWithATypeParameterAreAccepted() {
        String xml = write(new OprEventList(List.of(event("omi-1", 1))), OprFormat.XML);

        ReceiverClient.Reply reply = client.post("/opr/event", "application/xml;type=collection", xml);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(((OprEventList) read(reply, OprFormat.XML, OprCodec.Expect.EVENTS)).event())
                .extracting(OprEvent::sequenceNumber).containsExactly(1L);
    }

    @Test
    void aResentEventKeepsItsExternalIdAndIsReceivedTwice() {
        String first = externalIdOf(post("/opr/event", event("omi-1", 1), OprFormat.JSON));
        String again = externalIdOf(post("/opr/event", event("omi-1", 1), OprFormat.JSON));
        String other = externalIdOf(post("/opr/event", event("omi-2", 2), OprFormat.JSON));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(simulator.eventsReceived()).extracting(OprEvent::id).containsExactly("omi-1", "omi-1", "omi-2");
    }

    @Test
    void aSingleChangeIsAppliedAndAnsweredAsSent() {
        String externalId = externalIdOf(post("/opr/event", event("omi-1", 1), OprFormat.JSON));
        String change = """
                {"id": "chg-1", "changed_properties": {
                  "state_property_change": {"property_name": "state", "current_value": "closed", "previous_value": "open"},
                  "string_property_change": {"property_name": "title", "current_value": "fixed"}}}""";

        ReceiverClient.Reply reply = client.postJson("/opr/event_change/" + externalId, change);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        OprEventChange answered = (OprEventChange) read(reply, OprFormat.JSON, OprCodec.Expect.EVENT_CHANGES);
        assertThat(answered.id()).isEqualTo("chg-1");
        assertThat(simulator.changesReceived()).containsExactly(answered);
        OprEvent now = simulator.event(externalId).orElseThrow();
        assertThat(now.state()).isEqualTo(State.CLOSED);
        assertThat(now.title()).isEqualTo("fixed");
        ReceiverClient.Reply got = client.send(client.request("/opr/event/" + externalId)
                .header("Accept", "application/json").GET());
        assertThat(read(got, OprFormat.JSON, OprCodec.Expect.EVENTS)).isEqualTo(now);
    }

    @Test
    void aChangeToAnUnknownExternalIdIs404AndChangesNothing() {
        ReceiverClient.Reply reply = client.postJson("/opr/event_change/no-such-event", "{" + stateChange("closed") + "}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.json().get("status").intValue()).isEqualTo(404);
        assertThat(simulator.changesReceived()).isEmpty();
        assertThat(client.get("/opr/event/no-such-event").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(OprFormat.class)
    void aBulkOfChangesEchoesSequenceNumbersAndResolvesEitherId(OprFormat format) {
        String first = externalIdOf(post("/opr/event", event("omi-1", 1), OprFormat.JSON));
        externalIdOf(post("/opr/event", event("omi-2", 2), OprFormat.JSON));
        OprEventChangeList changes = (OprEventChangeList) OprSamples.CODEC.read(("""
                {"event_change": [
                  {"sequence_number": 11, "event_ref": {"target_global_id": "%s"},
                   "changed_properties": {"severity_property_change": {"property_name": "severity", "current_value": "critical"}}},
                  {"sequence_number": 12, "event_ref": {"target_id": "omi-2"},
                   "changed_properties": {"state_property_change": {"property_name": "state", "current_value": "resolved"}}}
                ]}""").formatted(first).getBytes(StandardCharsets.UTF_8), OprFormat.JSON, OprCodec.Expect.EVENT_CHANGES);

        ReceiverClient.Reply reply = post("/opr/event_change/", changes, format);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(((OprEventChangeList) read(reply, format, OprCodec.Expect.EVENT_CHANGES)).eventChange())
                .extracting(OprEventChange::sequenceNumber).containsExactly(11L, 12L);
        assertThat(simulator.event(first).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(simulator.eventsReceived()).hasSize(2);
        assertThat(simulator.changesReceived()).containsExactlyElementsOf(changes.eventChange());
    }

    @Test
    void aBulkOfChangesWithoutEventRefIsRefusedWholeNamingEachIndex() {
        String externalId = externalIdOf(post("/opr/event", event("omi-1", 1), OprFormat.JSON));

        ReceiverClient.Reply reply = client.postJson("/opr/event_change/", """
                {"event_change": [
                  {"sequence_number": 1, "event_ref": {"target_global_id": "%s"}},
                  {"sequence_number": 2},
                  {"sequence_number": 3}
                ]}""".formatted(externalId));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").stringValue()).contains("event_change[1]").contains("event_ref");
        assertThat(reply.json().get("errors")).extracting(error -> error.get("index").intValue()).containsExactly(1, 2);
        assertThat(simulator.changesReceived()).isEmpty();
    }

    @Test
    void aBulkOfChangesNamingAnUnknownEventIs404Whole() {
        String externalId = externalIdOf(post("/opr/event", event("omi-1", 1), OprFormat.JSON));

        ReceiverClient.Reply reply = client.postJson("/opr/event_change", """
                {"event_change": [
                  {"sequence_number": 1, "event_ref": {"target_global_id": "%s"},
                   "changed_properties": {"state_property_change": {"property_name": "state", "current_value": "closed"}}},
                  {"sequence_number": 2, "event_ref": {"target_id": "omi-unknown"}}
                ]}""".formatted(externalId));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("detail").stringValue()).contains("event_change[1]");
        assertThat(simulator.event(externalId).orElseThrow().state()).as("nothing applied").isNull();
        assertThat(simulator.changesReceived()).isEmpty();
    }

    @Test
    void malformedPayloadsAre400WithTheirPointerAndOtherMediaTypes415() {
        ReceiverClient.Reply broken = client.postJson("/opr/event", "{\"title\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.header("Content-Type")).isEqualTo("application/problem+json");

        ReceiverClient.Reply badSeverity = client.postJson("/opr/event", "{\"id\": \"x\", \"severity\": \"apocalyptic\"}");
        assertThat(badSeverity.status()).isEqualTo(400);
        assertThat(badSeverity.json().get("pointer").stringValue()).isEqualTo("/severity");

        ReceiverClient.Reply entity = client.post("/opr/event", "application/xml", """
                <?xml version="1.0"?><!DOCTYPE event [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <event xmlns="http://www.hp.com/2009/software/opr/data_model"><title>&x;</title></event>""");
        assertThat(entity.status()).isEqualTo(400);

        assertThat(client.post("/opr/event", "text/plain", "hello").status()).isEqualTo(415);
        assertThat(client.postJson("/opr/event_change/x", "{\"event_change\": []}").status()).isEqualTo(400);
        assertThat(simulator.eventsReceived()).isEmpty();
    }

    @Test
    void aPayloadWithoutContentTypeIsSniffed() {
        String xml = write(event("omi-1", 1), OprFormat.XML);

        ReceiverClient.Reply reply = client.post("/opr/event", null, xml);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/xml");
    }

    @Test
    void headOnTheBaseUrlIsThePing() {
        assertThat(client.send("HEAD", "/opr", null).status()).isEqualTo(200);
        assertThat(client.send("HEAD", "/opr/", null).status()).isEqualTo(200);
        ReceiverClient.Reply wrongMethod = client.get("/opr");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("HEAD");
        assertThat(client.get("/opr/elsewhere").status()).isEqualTo(404);
    }

    @Test
    void withConnectedServerCredentialsEveryOprCallNeedsThem() {
        try (ReceiverSimulator guarded = ReceiverSimulator.start(ReceiverSimulatorSettings.builder().port(0)
                .oprBasic("omi", "omi-secret").build())) {
            ReceiverClient anonymous = ReceiverClient.of(guarded);
            ReceiverClient wrong = anonymous.as(ReceiverClient.basic("omi", "guess"));
            ReceiverClient omi = anonymous.as(ReceiverClient.basic("omi", "omi-secret"));
            String body = write(event("omi-1", 1), OprFormat.JSON);

            ReceiverClient.Reply refused = anonymous.postJson("/opr/event", body);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Basic realm=\"opr\"");
            assertThat(wrong.send("HEAD", "/opr", null).status()).isEqualTo(401);
            assertThat(omi.postJson("/opr/event", body).status()).isEqualTo(200);
            assertThat(omi.send("HEAD", "/opr", null).status()).isEqualTo(200);
            assertThat(guarded.eventsReceived()).hasSize(1);
            assertThat(guarded.requestsTo("/opr")).extracting(RecordedRequest::authorization)
                    .containsExactly(null, "Basic omi", "Basic omi", "Basic omi");
        }
    }

    private ReceiverClient.Reply post(String path, OprDocument document, OprFormat format) {
        return client.post(path, format.mediaType(), write(document, format));
    }

    private static String externalIdOf(ReceiverClient.Reply reply) {
        return answeredEvents(reply).get(0).id();
    }
}
