package io.eventsync.sandbox.omi;

import static io.eventsync.sandbox.omi.OmiSamples.change;
import static io.eventsync.sandbox.omi.OmiSamples.event;
import static io.eventsync.sandbox.omi.OmiSamples.list;
import static io.eventsync.sandbox.omi.OmiSamples.read;
import static io.eventsync.sandbox.omi.OmiSamples.set;
import static io.eventsync.sandbox.omi.OmiSamples.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.sandbox.receiver.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's control API, {@code /sim/forward} and {@code /sim/events}, as a shell script would use it. */
class OmiSimulatorControlIT extends GatewayFixture {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void simForwardForwardsAnXmlEventWithoutCredentialsAndAnswersBothIds() {
        SyncClient.Reply reply = panel().post("/sim/forward", SyncClient.XML, write(event("omi-1"), OprFormat.XML));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.json()).isEqualTo(json("{\"omi_event_id\": \"omi-1\", \"external_id\": \"ext-1\"}"));
        FakeGateway.Received sent = gateway.received().get(0);
        assertThat(sent.path()).isEqualTo("/opr/event");
        assertThat(sent.authorization()).as("forwarded as OMi does, with the connected server's credentials")
                .isEqualTo(OMI_BASIC);
        assertThat(read(sent.body(), OprFormat.XML, "event")).isEqualTo(event("omi-1"));
        assertThat(omi.externalId("omi-1")).contains("ext-1");
        assertThat(omi.requestsTo("/sim/forward")).extracting(RecordedRequest::method, RecordedRequest::status)
                .containsExactly(tuple("POST", 200));
    }

    @Test
    void simForwardSendsAJsonEventListAsOneBulkAndAnswersEachPair() {
        String bulk = write(list("event_list", event("omi-1"), event("omi-2")), OprFormat.JSON);

        SyncClient.Reply reply = panel().post("/sim/forward", SyncClient.JSON, bulk);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("{\"forwarded\": ["
                + "{\"omi_event_id\": \"omi-1\", \"external_id\": \"ext-1\"},"
                + "{\"omi_event_id\": \"omi-2\", \"external_id\": \"ext-2\"}]}"));
        assertThat(gateway.received()).singleElement().extracting(FakeGateway.Received::contentType)
                .isEqualTo("application/xml;type=collection");
    }

    @Test
    void aGatewayRefusingForGoodIsA502CarryingItsStatusAndBody() {
        gateway.refuseNextWith(400);

        SyncClient.Reply reply = panel().post("/sim/forward", SyncClient.XML, write(event("omi-1"), OprFormat.XML));

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(502);
        assertThat(reply.json().path("gateway_status").asInt()).isEqualTo(400);
        assertThat(reply.json().path("gateway_body").asString()).contains("refused on purpose");
        assertThat(reply.json().path("detail").asString()).contains("/opr/event").contains("400");
        assertThat(omi.event("omi-1")).as("nothing was forwarded").isEmpty();
    }

    @Test
    void withoutAGatewayUrlSimForwardIsA409SayingSo() {
        try (OmiSimulator syncBackOnly = OmiSimulator.start(OmiSimulatorSettings.builder().port(0).build())) {
            SyncClient.Reply reply = SyncClient.of(syncBackOnly, SERVER, PASSWORD).as(null, null)
                    .post("/sim/forward", SyncClient.XML, write(event("omi-1"), OprFormat.XML));

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(reply.json().path("detail").asString()).contains("gatewayUrl");
        }
    }

    @Test
    void aBadBodyIs400AndAWrongMethod405AndNothingReachesTheGateway() {
        SyncClient.Reply noId = panel().post("/sim/forward", SyncClient.JSON, "{\"title\": \"no id\"}");
        SyncClient.Reply malformed = panel().post("/sim/forward", SyncClient.XML, "<event");
        SyncClient.Reply getForward = panel().get("/sim/forward", null);
        SyncClient.Reply postEvents = panel().post("/sim/events", SyncClient.JSON, "{}");

        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.json().path("detail").asString()).contains("no id");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(getForward.status()).isEqualTo(405);
        assertThat(getForward.header("Allow")).isEqualTo("POST");
        assertThat(postEvents.status()).isEqualTo(405);
        assertThat(postEvents.header("Allow")).isEqualTo("GET");
        assertThat(panel().get("/sim/nothing", null).status()).isEqualTo(404);
        assertThat(gateway.received()).isEmpty();
    }

    @Test
    void simEventsListsWhatOmiKnowsAndCountsAChangeSyncedBack() {
        panel().post("/sim/forward", SyncClient.XML, write(event("omi-1"), OprFormat.XML));
        panel().post("/sim/forward", SyncClient.XML, write(event("omi-2"), OprFormat.XML));
        assertThat(client.post("event_change/omi-1", SyncClient.XML,
                write(change("c-1", set("state", "closed")), OprFormat.XML)).status()).isEqualTo(200);

        SyncClient.Reply reply = panel().get("/sim/events", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.json()).isEqualTo(json("["
                + "{\"omi_event_id\": \"omi-1\", \"external_id\": \"ext-1\", \"connected_server\": \"omi\","
                + " \"state\": \"closed\", \"title\": \"event omi-1\", \"changes_received\": 1},"
                + "{\"omi_event_id\": \"omi-2\", \"external_id\": \"ext-2\", \"connected_server\": \"omi\","
                + " \"state\": null, \"title\": \"event omi-2\", \"changes_received\": 0}]"));
    }

    @Test
    void faultsOfTheSyncApiDoNotReachTheControlApiButItsOwnPrefixDoes() {
        omi.faults(OmiSimulator.BASE_PATH).failNext(1, 503);
        omi.faults("/sim/").failNext(1, 500);

        assertThat(panel().get("/sim/events", null).status()).isEqualTo(500);
        assertThat(panel().get("/sim/events", null).status()).isEqualTo(200);
        assertThat(client.head("").status()).as("the sync API's fault is still queued").isEqualTo(503);
    }

    /** The control API takes no credentials: a client that sends none. */
    private SyncClient panel() {
        return client.as(null, null);
    }

    private static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }
}
