package io.eventsync.sandbox.egress;

import static io.eventsync.sandbox.egress.EgressTestBed.base64;
import static io.eventsync.sandbox.egress.EgressTestBed.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.sandbox.receiver.OAuthGrant;
import io.eventsync.sandbox.receiver.ReceiverSimulatorSettings;
import io.eventsync.sandbox.receiver.RecordedRequest;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Egress delivering to the receiver simulator through a real broker: an OPR receiver with seed
 * 000's answer rules, notifier authentication of every kind, two routes at different speeds, and a
 * route changed while it runs.
 */
class EgressTargetsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int BACKLOG = 20_000;
    /** What egress-opsramp/README.md promises a stalled route holds in memory at most. */
    private static final double PENDING_BOUND = 2_000;

    @Test
    void anOprReceiverGetsBulksAndPartialAnswersAndServerErrorsAreRetriedUntilEverythingIsTaken() {
        try (EgressTestBed bed = new EgressTestBed(ReceiverSimulatorSettings.builder().port(0).build())) {
            ObjectNode opr = route("to OPR", "ALERT", "NONE");
            opr.putObject("notifier").put("type", "REST_API").put("authType", "NONE")
                    .put("baseURI", bed.receiverUrl("/opr"));
            opr.putObject("delivery").put("kind", "OPR").put("batchSize", 10);
            bed.createRoute(opr);
            bed.receiver.faults("/opr/event").partialNext(2, 3);
            bed.receiver.faults("/opr/event").failNext(1, 503);

            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                records.add(bed.omiEvent("omi-" + (i % 8), "opr " + i));
            }
            for (int key = 0; key < 8; key++) {
                records.add(bed.omiClose("omi-" + key));
            }
            bed.produce(records);

            Await.until(() -> titles(bed.receiver.eventsReceived()).size() == 40
                    && bed.receiver.changesReceived().size() >= 8, WAIT, "40 events and 8 changes at the receiver");
            List<RecordedRequest> requests = bed.receiver.requestsTo("/opr/event");
            assertThat(requests).extracting(RecordedRequest::status).contains(503);
            assertThat(requests).anySatisfy(r -> assertThat(r.bodyText()).contains("\"sequence_number\""));
            assertThat(TopicReader.readToEnd(bed.broker.bootstrapServers(), bed.deadLetters,
                    new ByteArrayDeserializer())).isEmpty();
        }
    }

    @Test
    void everyNotifierAuthenticationIsUsedAndTokensAreRenewedWhenTheyExpireOrAreRefused() throws Exception {
        try (EgressTestBed bed = new EgressTestBed(ReceiverSimulatorSettings.builder().port(0)
                .tokenLifetime(Duration.ofSeconds(2)).build())) {
            String tokenUrl = bed.receiverUrl("/oauth/token");
            bed.createRoute(EgressTestBed.webhook("client credentials", "/hooks/bearer/cc", EgressTestBed.notifier(bed, "OAUTH2")
                    .put("grantType", "CLIENT_CREDENTIALS").put("apiKey", "eventsync").put("apiSecret", "oauth-sandbox")
                    .put("accessTokenURL", tokenUrl)));
            bed.createRoute(EgressTestBed.webhook("password", "/hooks/bearer/pw", EgressTestBed.notifier(bed, "OAUTH2")
                    .put("grantType", "PASSWORD").put("userName", "operator").put("password", "operator-sandbox")
                    .put("apiKey", "eventsync").put("apiSecret", "oauth-sandbox").put("accessTokenURL", tokenUrl)));
            bed.createRoute(EgressTestBed.webhook("refresh", "/hooks/bearer/rt", EgressTestBed.notifier(bed, "OAUTH2")
                    .put("grantType", "REFRESH_TOKEN").put("userName", "operator").put("password", "operator-sandbox")
                    .put("apiKey", "eventsync").put("apiSecret", "oauth-sandbox").put("accessTokenURL", tokenUrl)));
            bed.createRoute(EgressTestBed.webhook("basic", "/hooks/basic/b", EgressTestBed.notifier(bed, "BASIC")
                    .put("userName", "webhook").put("password", "webhook-sandbox")));
            List<String> paths = List.of("/hooks/bearer/cc", "/hooks/bearer/pw", "/hooks/bearer/rt", "/hooks/basic/b");

            bed.produce(List.of(bed.omiEvent("auth-1", "first")));
            awaitTaken(bed, paths, 1);
            Thread.sleep(2_500);
            bed.produce(List.of(bed.omiEvent("auth-2", "after expiry")));
            awaitTaken(bed, paths, 2);
            bed.receiver.faults("/hooks/bearer/").expireTokens();
            bed.produce(List.of(bed.omiEvent("auth-3", "after refusal")));
            awaitTaken(bed, paths, 3);

            assertThat(bed.receiver.tokensIssued(OAuthGrant.CLIENT_CREDENTIALS)).isGreaterThanOrEqualTo(3);
            assertThat(bed.receiver.tokensIssued(OAuthGrant.PASSWORD)).isGreaterThanOrEqualTo(2);
            assertThat(bed.receiver.tokensIssued(OAuthGrant.REFRESH_TOKEN)).as("renewed with the refresh token")
                    .isGreaterThanOrEqualTo(1);
            assertThat(bed.receiver.requestsTo("/hooks/basic/b")).allSatisfy(r ->
                    assertThat(r.authorization()).isEqualTo("Basic webhook"));
            assertThat(bed.receiver.requestsTo("/hooks/")).noneSatisfy(r ->
                    assertThat(r.bodyText()).contains("sandbox"));
        }
    }

    @Test
    void opsRampGetsAlertArraysWithItsOwnTokensAndThrottlingIsWaitedOut() {
        try (EgressTestBed bed = new EgressTestBed(ReceiverSimulatorSettings.builder().port(0).build())) {
            ObjectNode alerts = route("to OpsRamp", "ALERT", "CREATE")
                    .put("endPointURI", bed.receiverUrl("/api/v2/tenants/client_9/alerts"));
            alerts.set("notifier", EgressTestBed.notifier(bed, "OAUTH2").put("grantType", "CLIENT_CREDENTIALS")
                    .put("apiKey", "opsramp-key").put("apiSecret", "opsramp-sandbox")
                    .put("accessTokenURL", bed.receiverUrl("/auth/oauth/token")));
            alerts.putObject("delivery").put("kind", "OPSRAMP_ALERTS").put("batchSize", 20);
            bed.createRoute(alerts);
            bed.receiver.faults("/api/").throttleNext(1, Duration.ofSeconds(1));

            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                records.add(bed.omiEvent("alert-" + i, "alert " + i));
            }
            bed.produce(records);

            Await.until(() -> bed.receiver.alertsReceived().size() >= 12, WAIT, "12 alerts at OpsRamp");
            assertThat(bed.receiver.alertsReceived()).extracting(alert -> alert.alert().path("subject").asString())
                    .containsAll(records.stream().map(r -> EgressTestBed.JSON.readTree(r.value())
                            .path("event").path("title").asString()).toList());
            assertThat(bed.receiver.requestsTo("/api/")).extracting(RecordedRequest::status).contains(429);
            assertThat(bed.receiver.opsRampTokensIssued()).isPositive();
        }
    }

    @Test
    void aSoapNotifierSendsTheRenderedPayloadInAnEnvelope() {
        try (EgressTestBed bed = new EgressTestBed(ReceiverSimulatorSettings.builder().port(0).build())) {
            ObjectNode soap = EgressTestBed.webhook("soap", "/hooks/open/soap", EgressTestBed.notifier(bed, "NONE").put("type", "SOAP_API"));
            bed.createRoute(soap);
            bed.produce(List.of(bed.omiEvent("soap-1", "disk <full> & more")));

            Await.until(() -> !bed.receiver.requestsTo("/hooks/open/soap").isEmpty(), WAIT, "the SOAP request");
            RecordedRequest request = bed.receiver.requestsTo("/hooks/open/soap").get(0);
            assertThat(request.contentType()).startsWith("text/xml");
            assertThat(request.bodyText()).startsWith("<?xml").contains("<soapenv:Body>")
                    .contains("disk &lt;full&gt; &amp; more");
        }
    }

    @Test
    void aSlowTargetDoesNotHoldUpAFastOne() {
        try (EgressTestBed bed = new EgressTestBed(ReceiverSimulatorSettings.builder().port(0).build())) {
            bed.receiver.faults("/hooks/open/slow").latency(Duration.ofSeconds(2));
            bed.createRoute(EgressTestBed.webhook("slow", "/hooks/open/slow", EgressTestBed.notifier(bed, "NONE")));
            bed.createRoute(EgressTestBed.webhook("fast", "/hooks/open/fast", EgressTestBed.notifier(bed, "NONE")));
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                records.add(bed.omiEvent("speed-" + i, "speed " + i));
            }
            bed.produce(records);

            Await.until(() -> EgressTestBed.taken(bed, "/hooks/open/fast") == 30, WAIT, "the fast target to get all 30");
            assertThat(EgressTestBed.taken(bed, "/hooks/open/slow")).as("the slow one is still at it").isLessThan(30);
        }
    }

    /**
     * Backpressure: a target that answers once every 2 s makes its route read only what it can
     * send; the rest waits in Kafka (paused partitions), visible as consumer lag.
     */
    @Test
    void aStalledTargetLeavesItsBacklogInKafkaAndShowsItAsLag() {
        try (EgressTestBed bed = new EgressTestBed(ReceiverSimulatorSettings.builder().port(0).build())) {
            bed.receiver.faults("/hooks/open/stalled").latency(Duration.ofSeconds(2));
            String id = bed.createRoute(EgressTestBed.webhook("stalled", "/hooks/open/stalled", EgressTestBed.notifier(bed, "NONE")));
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            for (int i = 0; i < BACKLOG; i++) {
                records.add(bed.omiEvent("backlog-" + (i % 100), "backlog " + i));
            }
            bed.produce(records);

            Await.until(() -> bed.metric("eventsync_egress_consumer_lag", id) > BACKLOG - 100, WAIT,
                    "the backlog to show as the route's consumer lag");
            double mostPending = 0;
            double mostInFlight = 0;
            for (int sample = 0; sample < 10; sample++) {
                mostPending = Math.max(mostPending, bed.metric("eventsync_egress_records_pending", id));
                mostInFlight = Math.max(mostInFlight, bed.metric("eventsync_egress_requests_in_flight", id));
                Await.pause(Duration.ofMillis(300));
            }
            System.out.printf("stalled route: lag=%.0f most pending=%.0f most in flight=%.0f%n",
                    bed.metric("eventsync_egress_consumer_lag", id), mostPending, mostInFlight);
            assertThat(mostInFlight).as("one request in flight per partition").isBetween(1.0, 3.0);
            assertThat(mostPending).as("records held in memory, not the whole backlog")
                    .isPositive().isLessThanOrEqualTo(PENDING_BOUND);
        }
    }

    @Test
    void aRouteChangedWhileItRunsDeliversTheNewWayAndADeletedOneStops() throws Exception {
        try (EgressTestBed bed = new EgressTestBed(ReceiverSimulatorSettings.builder().port(0).build())) {
            ObjectNode v1 = EgressTestBed.webhook("changing", "/hooks/open/change", EgressTestBed.notifier(bed, "NONE"))
                    .put("payload", base64("{\"v\":1,\"s\":\"$alert.subject\"}"));
            String id = bed.createRoute(v1);
            bed.produce(List.of(bed.omiEvent("change-1", "before")));
            Await.until(() -> EgressTestBed.bodies(bed, "/hooks/open/change").contains("{\"v\":1,\"s\":\"before\"}"), WAIT,
                    "the first version's payload");

            String before = bed.delivering().get(id);
            ObjectNode v2 = v1.deepCopy().put("payload", base64("{\"v\":2,\"s\":\"$alert.subject\"}"));
            bed.updateRoute(id, v2);
            Await.until(() -> bed.delivering().containsKey(id) && !bed.delivering().get(id).equals(before), WAIT,
                    "the route to run its new version");
            bed.produce(List.of(bed.omiEvent("change-2", "after")));
            Await.until(() -> EgressTestBed.bodies(bed, "/hooks/open/change").contains("{\"v\":2,\"s\":\"after\"}"), WAIT,
                    "the second version's payload");

            bed.deleteRoute(id);
            Await.until(() -> !bed.delivering().containsKey(id), WAIT, "the deleted route to stop");
            int requests = bed.receiver.requestsTo("/hooks/open/change").size();
            bed.produce(List.of(bed.omiEvent("change-3", "deleted")));
            Thread.sleep(2_000);
            assertThat(bed.receiver.requestsTo("/hooks/open/change")).hasSize(requests);
        }
    }

    private static void awaitTaken(EgressTestBed bed, List<String> paths, int count) {
        Await.until(() -> paths.stream().allMatch(path -> EgressTestBed.taken(bed, path) >= count), WAIT,
                count + " event(s) taken on each of " + paths);
    }

    private static Set<String> titles(List<OprEvent> events) {
        return events.stream().map(OprEvent::title).collect(Collectors.toSet());
    }
}
