package io.eventsync.sandbox.omi;

import static io.eventsync.sandbox.omi.OmiSamples.change;
import static io.eventsync.sandbox.omi.OmiSamples.customAttribute;
import static io.eventsync.sandbox.omi.OmiSamples.event;
import static io.eventsync.sandbox.omi.OmiSamples.read;
import static io.eventsync.sandbox.omi.OmiSamples.set;
import static io.eventsync.sandbox.omi.OmiSamples.text;
import static io.eventsync.sandbox.omi.OmiSamples.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.sandbox.receiver.RecordedRequest;
import io.eventsync.simulators.omi.OprNode;
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
        OprNode sent = change("c-1", set("state", "in_progress"), set("title", "Disk full on db-1"),
                customAttribute("add", "ticket", "SM-42"));

        SyncClient.Reply reply = client.post("event_change/omi-1", format.mediaType(), write(sent, format));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(read(reply, format, "event_change")).isEqualTo(sent);
        assertThat(omi.changesReceived()).containsExactly(sent);
        SyncClient.Reply xml = client.get("event/omi-1", null);
        SyncClient.Reply json = client.get("event/omi-1", "application/json");
        assertThat(xml.header("Content-Type")).startsWith("application/xml");
        assertThat(json.header("Content-Type")).startsWith("application/json");
        OprNode known = read(xml, OprFormat.XML, "event");
        assertThat(read(json, OprFormat.JSON, "event")).isEqualTo(known);
        assertThat(text(known, "id")).isEqualTo("omi-1");
        assertThat(text(known, "state")).isEqualTo("in_progress");
        assertThat(text(known, "title")).isEqualTo("Disk full on db-1");
        assertThat(known.child("custom_attribute_list").orElseThrow().children("custom_attribute"))
                .containsExactly(OprNode.branch("custom_attribute", OprNode.leaf("name", "ticket"),
                        OprNode.leaf("value", "SM-42")));
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
        assertThat(omi.event("omi-1")).get().extracting(event -> text(event, "state")).isNull();
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
        omi.remember(event("omi-1").with("sequence_number", "3"), SERVER, "ext-1");
        OprNode changed = read("{\"description\": \"assigned in SM\", \"severity\": \"critical\","
                + " \"priority\": \"high\", \"state\": \"resolved\", \"assigned_user\": {\"id\": \"u-7\","
                + " \"login_name\": \"jdoe\", \"user_name\": \"Jane Doe\"}, \"custom_attribute_list\":"
                + " {\"custom_attribute\": [{\"name\": \"ticket\", \"value\": \"SM-42\"}]}}",
                OprFormat.JSON, "event");

        SyncClient.Reply reply = client.put("event/omi-1", format.mediaType(), write(changed, format));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        OprNode answered = read(reply, format, "event");
        assertThat(text(answered, "id")).isEqualTo("omi-1");
        assertThat(text(answered, "title")).as("a field the PUT leaves out stays").isEqualTo("event omi-1");
        assertThat(text(answered, "description")).isEqualTo("assigned in SM");
        assertThat(text(answered, "severity")).isEqualTo("critical");
        assertThat(text(answered, "priority")).isEqualTo("high");
        assertThat(text(answered, "state")).isEqualTo("resolved");
        assertThat(answered.child("assigned_user")).contains(OprNode.branch("assigned_user", OprNode.leaf("id", "u-7"),
                OprNode.leaf("login_name", "jdoe"), OprNode.leaf("user_name", "Jane Doe")));
        assertThat(answered.child("custom_attribute_list").orElseThrow().children("custom_attribute"))
                .containsExactly(OprNode.branch("custom_attribute", OprNode.leaf("name", "ticket"),
                        OprNode.leaf("value", "SM-42")));
        assertThat(text(answered, "sequence_number")).as("it belonged to the forwarding bulk").isNull();
        assertThat(omi.event("omi-1")).contains(answered);
        assertThat(omi.changesReceived()).singleElement().satisfies(received ->
                assertThat(received.child("changed_properties").orElseThrow().children())
                        .extracting(property -> text(property, "property_name"))
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
