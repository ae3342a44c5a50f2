package io.eventsync.sandbox.omi;

import static io.eventsync.sandbox.omi.OmiSamples.change;
import static io.eventsync.sandbox.omi.OmiSamples.customAttribute;
import static io.eventsync.sandbox.omi.OmiSamples.event;
import static io.eventsync.sandbox.omi.OmiSamples.read;
import static io.eventsync.sandbox.omi.OmiSamples.set;
import static io.eventsync.sandbox.omi.OmiSamples.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.ChangeOperation;
import io.eventsync.contracts.opr.CustomAttribute;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprUser;
import io.eventsync.contracts.opr.Priority;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.sandbox.receiver.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The synchronization web service for one event at a time: who may call it, what it reads and changes. */
class OmiSimulatorIT extends OmiFixture {

    @Test
    void aPingWithAConnectedServersCredentialsIs200AndWithoutIs401WithOmisChallenge() {
        assertThat(client.head("").status()).isEqualTo(200);

        SyncClient.Reply anonymous = client.as(null, null).head("");
        SyncClient.Reply wrong = client.as(SERVER, "not-the-password").get("event/omi-1", null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"OMi\"");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Basic realm=\"OMi\"");
        assertThat(wrong.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(omi.requests()).extracting(RecordedRequest::status).containsExactly(200, 401, 401);
        assertThat(omi.requests()).extracting(RecordedRequest::authorization)
                .containsExactly("Basic omi", null, "Basic omi");
    }

    @Test
    void theBaseUrlIsOmisSynchronizationPathOnLoopback() {
        assertThat(omi.baseUrl()).hasToString("http://127.0.0.1:" + omi.port()
                + "/opr-gateway/rest/9.10/synchronization/");
    }

    @ParameterizedTest
    @EnumSource(OprFormat.class)
    void aChangeForARememberedEventIsAppliedAndVisibleInGetInEitherFormat(OprFormat format) {
        omi.remember(event("omi-1"), SERVER, "ext-1");
        OprEventChange sent = change("c-1", set("state", "in_progress"), set("title", "Disk full on db-1"),
                customAttribute(ChangeOperation.ADD, "ticket", "SM-42"));

        SyncClient.Reply reply = client.post("event_change/omi-1", format.mediaType(), write(sent, format));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(read(reply, format, OprCodec.Expect.EVENT_CHANGES)).isEqualTo(sent);
        assertThat(omi.changesReceived()).containsExactly(sent);
        SyncClient.Reply xml = client.get("event/omi-1", null);
        SyncClient.Reply json = client.get("event/omi-1", "application/json");
        assertThat(xml.header("Content-Type")).startsWith("application/xml");
        assertThat(json.header("Content-Type")).startsWith("application/json");
        OprEvent known = (OprEvent) read(xml, OprFormat.XML, OprCodec.Expect.EVENTS);
        assertThat(read(json, OprFormat.JSON, OprCodec.Expect.EVENTS)).isEqualTo(known);
        assertThat(known.id()).isEqualTo("omi-1");
        assertThat(known.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(known.title()).isEqualTo("Disk full on db-1");
        assertThat(known.customAttributeList().customAttribute()).containsExactly(new CustomAttribute("ticket", "SM-42"));
        assertThat(omi.event("omi-1")).contains(known);
    }

    @Test
    void aChangeForAnEventForwardedToAnotherServerIs403AndNotApplied() {
        omi.remember(event("omi-1"), OTHER_SERVER, "sm-1");

        SyncClient.Reply reply = client.post("event_change/omi-1", SyncClient.XML,
                write(change("c-1", set("state", "closed")), OprFormat.XML));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.json().path("title").asString()).isEqualTo("Forbidden");
        assertThat(reply.json().path("status").asInt()).isEqualTo(403);
        assertThat(reply.json().path("detail").asString()).contains("omi-1");
        assertThat(omi.event("omi-1")).get().extracting(OprEvent::state).isNull();
        assertThat(omi.changesReceived()).isEmpty();
        assertThat(client.as(OTHER_SERVER, OTHER_PASSWORD).get("event/omi-1", null).status()).isEqualTo(200);
    }

    @Test
    void anEventNeverForwardedIs403LikeOneForwardedElsewhereSoNothingIsLearnt() {
        omi.remember(event("omi-1"), OTHER_SERVER, "sm-1");

        SyncClient.Reply unknown = client.get("event/omi-404", null);
        SyncClient.Reply elsewhere = client.get("event/omi-1", null);

        assertThat(unknown.status()).isEqualTo(403);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(unknown.json().path("detail").asString()).contains("omi-404");
    }

    @ParameterizedTest
    @EnumSource(OprFormat.class)
    void putEventSetsTheFieldsItCarriesAndAnswersTheUpdatedEvent(OprFormat format) {
        omi.remember(event("omi-1").withSequenceNumber(3L), SERVER, "ext-1");
        OprEvent changed = (OprEvent) read("{\"description\": \"assigned in SM\", \"severity\": \"critical\","
                + " \"priority\": \"high\", \"state\": \"resolved\", \"assigned_user\": {\"id\": \"u-7\","
                + " \"login_name\": \"jdoe\", \"user_name\": \"Jane Doe\"}, \"custom_attribute_list\":"
                + " {\"custom_attribute\": [{\"name\": \"ticket\", \"value\": \"SM-42\"}]}}",
                OprFormat.JSON, OprCodec.Expect.EVENTS);

        SyncClient.Reply reply = client.put("event/omi-1", format.mediaType(), write(changed, format));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        OprEvent answered = (OprEvent) read(reply, format, OprCodec.Expect.EVENTS);
        assertThat(answered.id()).isEqualTo("omi-1");
        assertThat(answered.title()).as("a field the PUT leaves out stays").isEqualTo("event omi-1");
        assertThat(answered.description()).isEqualTo("assigned in SM");
        assertThat(answered.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(answered.priority()).isEqualTo(Priority.HIGH);
        assertThat(answered.state()).isEqualTo(State.RESOLVED);
        assertThat(answered.assignedUser()).isEqualTo(new OprUser("u-7", "jdoe", "Jane Doe"));
        assertThat(answered.customAttributeList().customAttribute())
                .containsExactly(new CustomAttribute("ticket", "SM-42"));
        assertThat(answered.sequenceNumber()).as("it belonged to the forwarding bulk").isNull();
        assertThat(omi.event("omi-1")).contains(answered);
        assertThat(omi.changesReceived()).singleElement().satisfies(received ->
                assertThat(received.changedProperties().changes()).extracting(p -> p.propertyName())
                        .containsExactly("description", "severity", "priority", "state", "assigned_user",
                                "custom_attribute"));
    }

    @Test
    void aPutWhoseEventIdIsNotThePathsIs400() {
        omi.remember(event("omi-1"), SERVER, "ext-1");

        SyncClient.Reply reply = client.put("event/omi-1", SyncClient.JSON, write(event("omi-2"), OprFormat.JSON));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asString()).contains("omi-2", "omi-1");
        assertThat(omi.changesReceived()).isEmpty();
    }

    @Test
    void anUndecodableBodyIs400NamingWhatIsWrongAndNeverA500() {
        omi.remember(event("omi-1"), SERVER, "ext-1");

        SyncClient.Reply garbage = client.post("event_change/omi-1", SyncClient.XML, "<event_change><oops");
        SyncClient.Reply empty = client.post("event_change/omi-1", SyncClient.JSON, "");
        SyncClient.Reply wrongDocument = client.post("event_change/omi-1", SyncClient.XML,
                write(event("omi-1"), OprFormat.XML));
        SyncClient.Reply badValue = client.put("event/omi-1", SyncClient.JSON, "{\"severity\": \"apocalyptic\"}");
        SyncClient.Reply notOpr = client.post("event_change/omi-1", "text/plain", "close it please");

        assertThat(List.of(garbage, empty, wrongDocument, badValue)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        });
        assertThat(garbage.json().path("detail").asString()).containsIgnoringCase("xml");
        assertThat(empty.json().path("detail").asString()).contains("empty");
        assertThat(wrongDocument.json().path("detail").asString()).contains("<event>");
        assertThat(badValue.json().path("detail").asString()).contains("apocalyptic", "severity");
        assertThat(notOpr.status()).isEqualTo(415);
        assertThat(omi.changesReceived()).isEmpty();
    }

    @Test
    void aChangeThatCannotBeAppliedIs400AndLeavesTheEventAsItWas() {
        omi.remember(event("omi-1"), SERVER, "ext-1");

        SyncClient.Reply reply = client.post("event_change/omi-1", SyncClient.XML,
                write(change("c-1", set("title", "fine"), set("severity", "apocalyptic")), OprFormat.XML));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asString()).contains("entry 1");
        assertThat(omi.event("omi-1")).contains(event("omi-1"));
    }

    @Test
    void anUnknownPathIs404AndAWrongMethod405WithAllow() {
        SyncClient.Reply unknown = client.get("events/omi-1", null);
        SyncClient.Reply outside = client.get("/opr/event/omi-1", null);
        SyncClient.Reply wrongMethod = client.post("event/omi-1", SyncClient.XML, "<event/>");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET, PUT");
    }
}
