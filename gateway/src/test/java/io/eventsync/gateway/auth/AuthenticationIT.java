package io.eventsync.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.TopicReader;
import io.eventsync.testkit.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** seed 001: a connected server authenticates with its name and password; nobody else gets in. */
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("auth");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
    }

    @Test
    void missingOrWrongCredentialsAre401AndPublishNothing(CapturedOutput output) {
        String event = "{\"id\":\"auth-test\"}";
        anonymous.post().uri("/event").contentType(MediaType.APPLICATION_JSON).bodyValue(event)
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"eventsync\"")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:eventsync:problem:unauthorized");
        anonymous.post().uri("/event").headers(h -> h.setBasicAuth(SERVER, "not-the-password-6f1d"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(event)
                .exchange().expectStatus().isUnauthorized();
        anonymous.post().uri("/event").headers(h -> h.setBasicAuth("intruder", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(event)
                .exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/event/whatever").exchange().expectStatus().isUnauthorized();
        anonymous.head().uri("").exchange().expectStatus().isUnauthorized();
        anonymous.post().uri("/event").header("Authorization", "Basic !!!not-base64")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(event)
                .exchange().expectStatus().isUnauthorized();

        assertThat(TopicReader.readToEnd(bootstrap(), topic())).isEmpty();
        assertThat(output.getAll()).doesNotContain("not-the-password-6f1d").doesNotContain(PASSWORD);
    }

    @Test
    void probesAndMetricsNeedNoCredentials() {
        var actuator = anonymous.mutate().baseUrl("http://127.0.0.1:" + port).build();
        actuator.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        actuator.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
