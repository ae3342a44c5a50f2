package io.eventsync.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprCodec.Expect;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.testkit.KafkaBroker;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bound end to end: events forwarded through the API, read back by the feed from the broker with
 * their {@code eventsync-opr-state} header, and the closed one forgotten before any open one.
 */
class ReadModelBoundIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("read-model-bound");
    private final OprCodec codec = OprCodec.withDefaults();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
        registry.add("eventsync.gateway.read-model-max-events", () -> "2");
    }

    @Test
    void beyondItsBoundTheReadModelForgetsTheClosedEventAndKeepsTheOpenOnes() {
        // The closed one is not the oldest: forgetting by age alone would take the open one before it.
        String olderOpen = forward("open");
        String closed = forward("closed");
        String newerOpen = forward("open");

        // A lookup of the newest waits for the feed to have read it, and so everything before it.
        omi.get().uri("/event/{id}", newerOpen).exchange().expectStatus().isOk();
        omi.get().uri("/event/{id}", olderOpen).exchange().expectStatus().isOk();
        omi.get().uri("/event/{id}", closed).exchange().expectStatus().isNotFound();

        String metrics = anonymous.mutate().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics)
                .containsPattern("eventsync_gateway_read_model_events\\{[^}]*} 2\\.0")
                .containsPattern("eventsync_gateway_read_model_forgotten_total\\{[^}]*state=\"closed\"[^}]*} 1\\.0")
                .containsPattern("eventsync_gateway_read_model_forgotten_total\\{[^}]*state=\"open\"[^}]*} 0\\.0");
    }

    private String forward(String state) {
        byte[] answer = omi.post().uri("/event").contentType(MediaType.APPLICATION_XML)
                .bodyValue("<event><id>" + UUID.randomUUID() + "</id><title>t</title><severity>minor</severity>"
                        + "<state>" + state + "</state></event>")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return ((OprEvent) codec.read(answer, OprFormat.XML, Expect.EVENTS)).id();
    }
}
