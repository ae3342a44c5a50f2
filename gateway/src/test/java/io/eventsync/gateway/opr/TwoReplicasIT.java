package io.eventsync.gateway.opr;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.gateway.GatewayApplication;
import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.OmiSide;
import io.eventsync.simulators.omi.ForwardingSettings.EventRefStyle;
import io.eventsync.simulators.omi.ForwardingTally;
import io.eventsync.simulators.omi.OmiChange;
import io.eventsync.simulators.omi.OmiForwarder;
import io.eventsync.simulators.omi.OprEquivalence;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.OprXml;
import io.eventsync.simulators.omi.WireFormat;
import io.eventsync.testkit.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two gateway replicas behind one OMi connected server, as a Service spreads OMi's requests: events
 * forwarded through one and changed at once through the other are taken (the other's read model waits
 * until it holds them, every change before applied), and both replicas answer {@code GET /event} alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("two-replicas");
    private ConfigurableApplicationContext second;
    private int secondPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
    }

    @BeforeAll
    void startTheSecondReplica() {
        second = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--eventsync.kafka.bootstrap-servers=" + sharedBroker().bootstrapServers(),
                "--eventsync.gateway.topic=" + TOPIC,
                "--eventsync.gateway.read-model-dir=target/read-model/" + TOPIC + "-second",
                "--eventsync.gateway.connected-servers[0].name=" + SERVER,
                "--eventsync.gateway.connected-servers[0].password=" + PASSWORD,
                "--logging.level.root=WARN");
        secondPort = Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterAll
    void stopTheSecondReplica() {
        second.close();
    }

    @Test
    void changesThroughOneReplicaToEventsForwardedThroughTheOtherAreTakenAndBothAnswerAlike() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        try (OmiForwarder first = OmiSide.forwarder(port, WireFormat.XML_COLLECTION, EventRefStyle.TARGET_IDS);
             OmiForwarder other = OmiSide.forwarder(secondPort, WireFormat.XML_COLLECTION, EventRefStyle.TARGET_IDS)) {
            first.forwardEvents(ids.stream().map(id -> OprNode.branch("event", OprNode.leaf("id", id),
                    OprNode.leaf("title", "event " + id), OprNode.leaf("state", "open"))).toList());
            assertThat(first.settle(Duration.ofSeconds(30))).isTrue();
            // OMi's one connected server: the changes go to whichever replica the Service picks, here the other.
            first.externalIds().forEach((omiId, externalId) -> other.assumeForwarded(
                    first.forwarded(omiId).orElseThrow(), externalId));
            for (String id : ids) {
                other.forwardChange(OmiChange.of(UUID.randomUUID().toString(), id,
                        OmiChange.scalar("severity", "critical", null)));
                other.forwardChange(OmiChange.of(UUID.randomUUID().toString(), id,
                        OmiChange.scalar("state", "closed", "open")));
            }
            other.forwardChanges(ids.stream().map(id -> OmiChange.of(UUID.randomUUID().toString(), id,
                    OmiChange.scalar("title", "retitled " + id, null))).toList());

            assertThat(other.settle(Duration.ofSeconds(60))).isTrue();
            ForwardingTally tally = other.tally();
            System.out.println(tally);
            assertThat(tally.changesAcknowledged()).isEqualTo(60);
            assertThat(tally.changesFailed()).isZero();
            for (String id : ids) {
                String externalId = first.externalId(id).orElseThrow();
                OprNode fromFirst = get(port, externalId);
                OprNode fromSecond = get(secondPort, externalId);
                assertThat(fromFirst).as("both replicas answer %s alike", id).isEqualTo(fromSecond);
                assertThat(OprEquivalence.differences(other.acknowledgedState(id).orElseThrow()
                        .with("id", externalId), fromFirst)).as("%s as OMi holds it", id).isEmpty();
            }
        }
    }

    /** {@code GET /event/<id>} from the replica on {@code replicaPort}, once it holds every change. */
    private static OprNode get(int replicaPort, String externalId) throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + replicaPort + "/opr/event/" + externalId))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (SERVER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        return OprXml.read(answer.body());
    }
}
