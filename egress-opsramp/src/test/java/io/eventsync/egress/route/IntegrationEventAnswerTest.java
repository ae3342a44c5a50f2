package io.eventsync.egress.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.egress.secret.RouteSecrets;
import io.eventsync.egress.secret.SecretBox;
import io.eventsync.egress.destination.EgressPolicy;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class IntegrationEventAnswerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final IntegrationEventAnswer answers = new IntegrationEventAnswer(JSON);

    @Test
    void theFirstSampleIsAnsweredAsTheSeedShowsWithoutItsPassword() {
        IntegrationEvent route = new RouteValidation(EgressPolicy.open())
                .validate(RouteValidationTest.seedSample("create-event")).route().orElseThrow()
                .identified("INTG-EVENT-debdf8a2-6986-4398-adfc-e50b185d049a", "client_1", "INTG-sandbox",
                        Instant.EPOCH, Instant.EPOCH);

        ObjectNode answer = answers.of(route);

        assertThat(answer.path("id").asString()).isEqualTo("INTG-EVENT-debdf8a2-6986-4398-adfc-e50b185d049a");
        assertThat(answer.path("name").asString()).isEqualTo("Create event");
        assertThat(answer.path("entity").asString()).isEqualTo("INCIDENT");
        JsonNode notifier = answer.path("notifier");
        assertThat(notifier.path("baseURI").asString()).isEqualTo("www.google.com/update");
        assertThat(notifier.path("authType").asString()).isEqualTo("OAUTH2");
        assertThat(notifier.path("userName").asString()).isEqualTo("testUser");
        assertThat(notifier.has("password")).isFalse();
        assertThat(answer.toString()).doesNotContain("\"test\"");
        assertThat(answer.path("headers").size()).isEqualTo(2);
        assertThat(answer.path("eventPayload").asString()).isEqualTo("{\r\n\"subject\":\"$incident.subject\",\r\n"
                + "\"description\":\"$incident.impact\",\r\n\"priority\":\"$incident.priority.name\"\r\n"
                + "\"stauts\":\"high\"\r\n}");
        assertThat(answer.path("status").asString()).isEqualTo("INCOMPLETE");
        assertThat(answer.path("incompleteFields").toString()).contains("/notifier/grantType");
    }

    @Test
    void theFilterIsAnsweredWithIdsTheRouteNameAndTheSeedsOperatorLabels() {
        IntegrationEvent route = new RouteValidation(EgressPolicy.open())
                .validate(RouteValidationTest.seedSample("create-event-with-filter")).route().orElseThrow()
                .identified("INTG-EVENT-1", "client_1", "INTG-sandbox", Instant.EPOCH, Instant.EPOCH);
        JsonNode filter = answers.of(route).path("filterCriteria");
        assertThat(filter.path("id").asLong()).isPositive();
        assertThat(filter.path("name").asString()).isEqualTo("Create event with policy");
        assertThat(filter.path("rules").get(0).path("operator").asString()).isEqualTo("Contains");
        assertThat(filter.path("rules").get(1).path("id").asLong()).isPositive();
        assertThat(filter.path("actions").isArray()).isTrue();
    }

    @Test
    void sealedSecretsAndCredentialHeadersNeverShow() {
        ObjectNode request = RouteValidationTest.seedJson("create-event");
        ((ObjectNode) request.get("notifier")).put("apiSecret", "s3cret");
        request.putArray("headers").addObject().put("key", "Authorization").put("value", "Bearer t0ken");
        IntegrationEvent route = new RouteValidation(EgressPolicy.open())
                .validate(RouteValidationTest.request(request)).route().orElseThrow();
        IntegrationEvent sealed = new RouteSecrets(new SecretBox(new byte[32])).seal(route);

        assertThat(JSON.writeValueAsString(sealed)).doesNotContain("s3cret", "t0ken", "\"test\"");
        assertThat(answers.of(sealed).toString()).doesNotContain("s3cret", "t0ken", "sealed:")
                .contains(IntegrationEventAnswer.MASK);
        IntegrationEvent opened = new RouteSecrets(new SecretBox(new byte[32])).open(sealed);
        assertThat(opened.notifier().apiSecret()).isEqualTo("s3cret");
        assertThat(opened.headers().get(0).value()).isEqualTo("Bearer t0ken");
    }
}
