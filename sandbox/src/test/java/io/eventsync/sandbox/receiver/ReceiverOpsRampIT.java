package io.eventsync.sandbox.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.sandbox.ofsc.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OpsRamp's token endpoint and alerts API: bearer tokens, expiry, and per-alert validation. */
class ReceiverOpsRampIT extends ReceiverFixture {

    private static final String TOKEN = "/auth/oauth/token";
    private static final String CREDENTIALS = "grant_type=client_credentials&client_id=opsramp-key"
            + "&client_secret=opsramp-sandbox";
    private static final String ALERT = "/api/v2/tenants/client_1/alert";
    private static final String ALERTS = "/api/v2/tenants/client_1/alerts";
    private static final String VALID = "{\"subject\": \"Disk full\", \"currentState\": \"CRITICAL\","
            + " \"serviceName\": \"disk\", \"app\": \"OPSRAMP\", \"device\": {\"hostName\": \"web01\"},"
            + " \"extAlertId\": \"omi-1\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private ReceiverClient opsRamp;

    @Override
    ReceiverSimulatorSettings.Builder settings(ReceiverSimulatorSettings.Builder defaults) {
        return defaults.clock(clock);
    }

    @BeforeEach
    void getToken() {
        opsRamp = client.bearer(client.token(TOKEN, CREDENTIALS));
    }

    @Test
    void theTokenEndpointAnswersABearerTokenForTheApiKey() {
        ReceiverClient.Reply reply = client.postForm(TOKEN, CREDENTIALS);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode token = reply.json();
        assertThat(token.get("token_type").stringValue()).isEqualTo("bearer");
        assertThat(token.get("expires_in").intValue()).isEqualTo(7200);
        assertThat(token.get("access_token").stringValue()).isNotBlank();
        assertThat(simulator.opsRampTokensIssued()).isEqualTo(2);
        assertThat(client.postForm(TOKEN, "grant_type=client_credentials&client_id=opsramp-key&client_secret=x")
                .status()).isEqualTo(401);
        assertThat(client.postForm(TOKEN, "grant_type=password&username=a&password=b&client_id=opsramp-key"
                + "&client_secret=opsramp-sandbox").json().get("error").stringValue()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void oneAlertIsAcceptedWithAnEventId() {
        ReceiverClient.Reply reply = opsRamp.postJson(ALERT, VALID);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String eventId = reply.json().get("eventIds").get(0).stringValue();
        assertThat(simulator.alertsReceived()).singleElement().satisfies(alert -> {
            assertThat(alert.tenantId()).isEqualTo("client_1");
            assertThat(alert.eventId()).isEqualTo(eventId);
            assertThat(alert.field("extAlertId")).isEqualTo("omi-1");
        });
        assertThat(simulator.requestsTo("/api/")).extracting(RecordedRequest::authorization)
                .containsExactly("Bearer opsramp-key");
    }

    @Test
    void anArrayOfAlertsIsAnsweredWithAnEventIdEachInOrder() {
        String second = VALID.replace("CRITICAL", "ok").replace("\"hostName\": \"web01\"", "\"ipAddress\": \"10.0.0.5\"");
        String third = VALID.replace("\"hostName\": \"web01\"", "\"resourceUUID\": \"DEV0001\"");

        ReceiverClient.Reply reply = opsRamp.postJson(ALERTS, "[" + VALID + "," + second + "," + third + "]");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("eventIds")).hasSize(3);
        assertThat(simulator.alertsReceived()).extracting(OpsRampAlert::eventId)
                .containsExactly(reply.json().get("eventIds").get(0).stringValue(),
                        reply.json().get("eventIds").get(1).stringValue(),
                        reply.json().get("eventIds").get(2).stringValue());
    }

    @Test
    void anInvalidAlertRefusesTheWholeRequestNamingTheFieldAndIndex() {
        String noDevice = VALID.replace(", \"device\": {\"hostName\": \"web01\"}", "");
        String emptyDevice = VALID.replace("{\"hostName\": \"web01\"}", "{\"macAddress\": \"00:11\"}");
        String noSubject = VALID.replace("\"subject\": \"Disk full\", ", "");

        ReceiverClient.Reply reply = opsRamp.postJson(ALERTS, "[" + VALID + "," + noDevice + "," + emptyDevice + ","
                + noSubject + "]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").stringValue()).startsWith("alerts[1]: device is required");
        assertThat(reply.json().get("errors")).extracting(error -> error.get("index").intValue() + " "
                + error.get("field").stringValue() + " " + error.get("pointer").stringValue())
                .containsExactly("1 device /1/device", "2 device /2/device", "3 subject /3/subject");
        assertThat(simulator.alertsReceived()).isEmpty();
    }

    @Test
    void eachRequiredFieldIsChecked() {
        for (String field : new String[] {"subject", "currentState", "serviceName", "app"}) {
            String blank = VALID.replaceFirst("\"" + field + "\": \"[^\"]*\"", "\"" + field + "\": \" \"");
            ReceiverClient.Reply reply = opsRamp.postJson(ALERT, blank);
            assertThat(reply.status()).as(field).isEqualTo(400);
            assertThat(reply.json().get("errors").get(0).get("field").stringValue()).isEqualTo(field);
        }
        ReceiverClient.Reply unknownState = opsRamp.postJson(ALERT, VALID.replace("CRITICAL", "major"));
        assertThat(unknownState.json().get("detail").stringValue()).contains("currentState").contains("major");
    }

    @Test
    void theBodyMustBeTheShapeThePathSays() {
        assertThat(opsRamp.postJson(ALERT, "[" + VALID + "]").status()).isEqualTo(400);
        assertThat(opsRamp.postJson(ALERTS, VALID).status()).isEqualTo(400);
        assertThat(opsRamp.postJson(ALERTS, "[{\"subject\": ").status()).isEqualTo(400);
        assertThat(opsRamp.get(ALERT).status()).isEqualTo(405);
        assertThat(opsRamp.postJson("/api/v2/tenants/client_1/incidents", VALID).status()).isEqualTo(404);
    }

    @Test
    void withoutAValidBearerTokenTheApiIs401() {
        ReceiverClient.Reply anonymous = client.postJson(ALERT, VALID);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"opsramp\"");
        assertThat(client.bearer("forged").postJson(ALERT, VALID).status()).isEqualTo(401);

        clock.advance(Duration.ofHours(2));
        ReceiverClient.Reply expired = opsRamp.postJson(ALERT, VALID);

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("error").stringValue()).isEqualTo("invalid_token");
        assertThat(expired.json().get("detail").stringValue()).contains("expired");
        assertThat(simulator.alertsReceived()).isEmpty();
    }

    @Test
    void aWebhookTokenDoesNotOpenTheApi() {
        String hooks = client.token("/oauth/token",
                "grant_type=client_credentials&client_id=eventsync&client_secret=oauth-sandbox");

        assertThat(client.bearer(hooks).postJson(ALERT, VALID).status()).isEqualTo(401);
    }
}
