package io.eventsync.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.testkit.KafkaBroker;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The meters dashboards and alerts rely on exist on /actuator/prometheus with their labels. */
class GatewayMetricsIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("metrics");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
    }

    @Test
    void forwardsAndRejectionsShowUpOnThePrometheusEndpoint() {
        omi.post().uri("/event").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"event\":[{\"id\":\"" + UUID.randomUUID() + "\",\"sequence_number\":1},"
                        + "{\"id\":\"" + UUID.randomUUID() + "\",\"sequence_number\":2}]}")
                .exchange().expectStatus().isOk();
        omi.post().uri("/event").contentType(MediaType.APPLICATION_JSON).bodyValue("{broken")
                .exchange().expectStatus().isBadRequest();

        String metrics = anonymous.mutate().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics)
                .containsPattern("eventsync_gateway_items_total\\{[^}]*kind=\"event\"[^}]*reason=\"acknowledged\""
                        + "[^}]*result=\"accepted\"[^}]*} 2\\.0")
                .containsPattern("eventsync_gateway_publish_seconds_bucket\\{")
                .containsPattern("eventsync_gateway_bulk_items_count\\{[^}]*} 1")
                .containsPattern("eventsync_gateway_inflight_items\\{")
                .containsPattern("eventsync_gateway_read_model_events\\{")
                .containsPattern("eventsync_gateway_read_model_applied_total\\{[^}]*} [1-9]")
                .containsPattern("eventsync_gateway_rejections_total\\{[^}]*type=\"malformed-document\"[^}]*} 1\\.0")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/opr/event\"")
                .contains("application=\"eventsync-gateway\"");
    }

    @Test
    void readinessIncludesKafkaAndTheReadModel() {
        anonymous.mutate().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.readModel.status").isEqualTo("UP");
    }
}
