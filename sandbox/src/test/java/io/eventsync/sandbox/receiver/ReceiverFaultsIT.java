package io.eventsync.sandbox.receiver;

import static io.eventsync.sandbox.receiver.OprSamples.answeredEvents;
import static io.eventsync.sandbox.receiver.OprSamples.events;
import static io.eventsync.sandbox.receiver.OprSamples.json;
import static io.eventsync.sandbox.receiver.OprSamples.read;
import static io.eventsync.sandbox.receiver.OprSamples.stateChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.sandbox.ofsc.MutableClock;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each injected fault, what a client sees of it, and that it stays within its path prefix. */
class ReceiverFaultsIT extends ReceiverFixture {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @Override
    ReceiverSimulatorSettings.Builder settings(ReceiverSimulatorSettings.Builder defaults) {
        return defaults.clock(clock);
    }

    @Test
    void failNextAnswersItsStatusOnlyUnderItsPrefixAndAcceptsNothing() {
        simulator.faults("/opr").failNext(2, 503).failNext(1, 400);

        assertThat(client.postJson("/hooks/open/x", "{}").status()).as("another prefix").isEqualTo(200);
        ReceiverClient.Reply failed = postEvents(1, 1);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(failed.json().get("title").stringValue()).isEqualTo("Service Unavailable");
        List<Integer> rest = List.of(postEvents(1, 1).status(), postEvents(1, 1).status(), postEvents(1, 1).status());

        assertThat(rest).containsExactly(503, 400, 200);
        assertThat(simulator.eventsReceived()).hasSize(1);
        assertThat(simulator.faults("/opr").pending()).isZero();
    }

    @Test
    void faultsComeBeforeAuthentication() {
        try (ReceiverSimulator guarded = ReceiverSimulator.start(ReceiverSimulatorSettings.builder().port(0)
                .oprBasic("omi", "omi-secret").build())) {
            guarded.faults("/opr").failNext(1, 502);
            ReceiverClient anonymous = ReceiverClient.of(guarded);

            assertThat(anonymous.send("HEAD", "/opr", null).status()).isEqualTo(502);
            assertThat(anonymous.send("HEAD", "/opr", null).status()).isEqualTo(401);
        }
    }

    @Test
    void throttleNextOutsideOpsRampIsAProblemWithRetryAfterInWholeSeconds() {
        simulator.faults("/opr").throttleNext(1, Duration.ofMillis(1500));

        ReceiverClient.Reply throttled = postEvents(1, 1);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("2");
        assertThat(throttled.header("X-RateLimit-Limit")).isNull();
        assertThat(throttled.json().get("title").stringValue()).isEqualTo("Too Many Requests");
        assertThat(postEvents(1, 1).status()).isEqualTo(200);
    }

    @Test
    void throttleNextUnderTheApiAnswersAsOpsRampDoes() {
        ReceiverClient opsRamp = client.bearer(client.token("/auth/oauth/token",
                "grant_type=client_credentials&client_id=opsramp-key&client_secret=opsramp-sandbox"));
        simulator.faults("/api/").throttleNext(1, Duration.ofSeconds(30));

        ReceiverClient.Reply throttled = opsRamp.postJson("/api/v2/tenants/client_1/alerts", "[]");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("error").stringValue()).isEqualTo("throttled");
        assertThat(throttled.header("Retry-After")).isEqualTo("30");
        assertThat(throttled.header("X-RateLimit-Limit")).isEqualTo("200");
        assertThat(throttled.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(throttled.header("X-RateLimit-Reset"))
                .isEqualTo(Long.toString(clock.instant().getEpochSecond() + 30));
        assertThat(opsRamp.postJson("/api/v2/tenants/client_1/alerts", "[]").status()).isEqualTo(200);
    }

    @Test
    void dropNextClosesAPostsConnectionWithoutAnswerOrAcceptance() {
        simulator.faults("/opr").dropNext(1);

        assertThatThrownBy(() -> client.sendRaw(client.request("/opr/event").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(new OprEventList(events(1, 1)))))))
                .as("the JDK client does not resend a POST").isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);

        assertThat(simulator.requestsTo("/opr")).extracting(RecordedRequest::status).containsExactly(0);
        assertThat(simulator.eventsReceived()).isEmpty();
        assertThat(postEvents(1, 1).status()).isEqualTo(200);
    }

    @Test
    void aJdkClientResendsADroppedGetOnceSoTwoDropsReachIt() throws IOException {
        String id = answeredEvents(postEvents(1, 1)).get(0).id();
        simulator.clear();
        simulator.faults("/opr").dropNext(1);

        assertThat(client.sendRaw(client.request("/opr/event/" + id).GET()).statusCode()).isEqualTo(200);
        simulator.faults("/opr").dropNext(2);
        assertThatThrownBy(() -> client.sendRaw(client.request("/opr/event/" + id).GET()))
                .isInstanceOf(IOException.class);

        assertThat(simulator.requestsTo("/opr")).extracting(RecordedRequest::status).containsExactly(0, 200, 0, 0);
    }

    @Test
    void delayNextOutlastsAShortTimeoutAndStillAcceptsTheDelivery() throws InterruptedException {
        simulator.faults("/opr").delayNext(1, Duration.ofMillis(600));

        assertThatThrownBy(() -> client.sendRaw(client.request("/opr/event").timeout(Duration.ofMillis(100))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(events(1, 1).get(0))))))
                .isInstanceOf(HttpTimeoutException.class);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // The request is recorded after it was processed, so once it is in the log the event is in too.
        while (simulator.requestsTo("/opr").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(simulator.eventsReceived()).as("the answer was lost, the delivery was not").hasSize(1);
        assertThat(simulator.requestsTo("/opr")).extracting(RecordedRequest::status).containsExactly(200);
    }

    @Test
    void delayNextAnswersNormallyAfterTheDelay() {
        simulator.faults("/hooks/").delayNext(1, Duration.ofMillis(200));

        assertThat(client.postJson("/hooks/open/x", "{}").status()).isEqualTo(200);
        assertThat(simulator.faults("/hooks/").pending()).isZero();
    }

    @Test
    void latencyDelaysEveryRequestUnderItsPrefixOnlyUntilCleared() {
        simulator.faults("/hooks/").latency(Duration.ofSeconds(30));

        assertThatThrownBy(() -> client.sendRaw(client.request("/hooks/open/x").timeout(Duration.ofMillis(200)).GET()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(client.send("HEAD", "/opr", null).status()).isEqualTo(200);

        simulator.faults("/hooks/").clear();
        assertThat(client.get("/hooks/open/x").status()).isEqualTo(200);
    }

    @Test
    void partialNextLeavesOutExactlyTheLastItemsWhichAreNotAccepted() {
        simulator.faults("/opr").partialNext(1, 2);
        assertThat(client.postJson("/opr/event", json(events(100, 1).get(0))).status())
                .as("a single event does not use the partial fault up").isEqualTo(200);

        ReceiverClient.Reply partial = postEvents(1, 5);

        assertThat(answeredSequenceNumbers(partial)).containsExactly(1L, 2L, 3L);
        assertThat(simulator.eventsReceived()).extracting(OprEvent::sequenceNumber).containsExactly(100L, 1L, 2L, 3L);
        assertThat(answeredSequenceNumbers(postEvents(4, 2))).containsExactly(4L, 5L);
        assertThat(simulator.eventsReceived()).extracting(OprEvent::sequenceNumber)
                .containsExactly(100L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void partialNextAppliesToBulkChangesToo() {
        List<OprEvent> answered = answeredEvents(postEvents(1, 3));
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < answered.size(); i++) {
            changes.add("{\"sequence_number\": " + (i + 1) + ", \"event_ref\": {\"target_global_id\": \""
                    + answered.get(i).id() + "\"}, " + stateChange("closed") + "}");
        }
        simulator.faults("/opr/event_change").partialNext(1, 1);

        ReceiverClient.Reply partial = client.postJson("/opr/event_change/",
                "{\"event_change\": [" + String.join(",", changes) + "]}");

        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(((OprEventChangeList) read(partial, OprFormat.JSON, OprCodec.Expect.EVENT_CHANGES)).eventChange())
                .extracting(OprEventChange::sequenceNumber)
                .containsExactly(1L, 2L);
        assertThat(simulator.changesReceived()).hasSize(2);
        assertThat(simulator.event(answered.get(2).id()).orElseThrow().state()).as("left out, not applied").isNull();
    }

    @Test
    void failRandomlyFailsSomeAndIsTheSameForTheSameSeedUntilCleared() {
        List<Integer> first = randomStatuses(simulator);
        List<Integer> second;
        try (ReceiverSimulator twin = ReceiverSimulator.start(ReceiverSimulatorSettings.builder().port(0).build())) {
            second = randomStatuses(twin);
        }

        assertThat(first).contains(200, 502).containsOnly(200, 502).isEqualTo(second);
        simulator.faults("/hooks/").clear();
        for (int i = 0; i < 10; i++) {
            assertThat(client.get("/hooks/open/x").status()).isEqualTo(200);
        }
    }

    @Test
    void theMostSpecificScopeWithAFaultDecides() {
        simulator.faults("/opr").failNext(1, 500);
        simulator.faults("/opr/event_change").failNext(1, 503);
        String change = "{\"changed_properties\": {}}";

        List<Integer> statuses = List.of(client.postJson("/opr/event_change/x", change).status(),
                client.postJson("/opr/event_change/x", change).status(),
                client.postJson("/opr/event_change/x", change).status());

        assertThat(statuses).containsExactly(503, 500, 404);
    }

    @Test
    void expireTokensRefusesOnlyUnderItsPrefixAndOnlyTokensIssuedBefore() {
        String form = "grant_type=client_credentials&client_id=opsramp-key&client_secret=opsramp-sandbox";
        ReceiverClient opsRamp = client.bearer(client.token("/auth/oauth/token", form));
        simulator.faults("/hooks/").expireTokens();
        assertThat(opsRamp.postJson("/api/v2/tenants/client_1/alerts", "[]").status()).isEqualTo(200);

        simulator.faults("/api/").expireTokens();
        ReceiverClient.Reply expired = opsRamp.postJson("/api/v2/tenants/client_1/alerts", "[]");

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        ReceiverClient renewed = client.bearer(client.token("/auth/oauth/token", form));
        assertThat(renewed.postJson("/api/v2/tenants/client_1/alerts", "[]").status()).isEqualTo(200);
    }

    @Test
    void theStatusPageMeetsNoFault() {
        simulator.faults("/").failNext(1, 500);

        assertThat(client.get("/sim/status").status()).isEqualTo(200);
        assertThat(client.get("/hooks/open/x").status()).isEqualTo(500);
    }

    private static List<Integer> randomStatuses(ReceiverSimulator target) {
        target.faults("/hooks/").failRandomly(0.5, 502);
        ReceiverClient hooks = ReceiverClient.of(target);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(hooks.get("/hooks/open/x").status());
        }
        return statuses;
    }

    private ReceiverClient.Reply postEvents(long firstSequenceNumber, int count) {
        return client.postJson("/opr/event", json(new OprEventList(events(firstSequenceNumber, count))));
    }

    private static List<Long> answeredSequenceNumbers(ReceiverClient.Reply reply) {
        return answeredEvents(reply).stream().map(OprEvent::sequenceNumber).toList();
    }
}
