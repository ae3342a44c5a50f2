package io.eventsync.sandbox.ofsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Basic and bearer authentication, the token endpoint, token expiry and the per-client rate limit. */
class OfscAuthIT {

    private static final String TOKEN = "/rest/oauthTokenService/v2/token";
    private static final String SUBSCRIPTIONS = "/rest/ofscCore/v1/events/subscriptions";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private OfscSimulator simulator;
    private CoreApi api;

    @BeforeEach
    void start() {
        simulator = OfscSimulator.start(OfscSimulatorSettings.builder().port(0).clock(clock)
                .tokenLifetime(Duration.ofMinutes(10)).build());
        api = CoreApi.of(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void basicWithClientAtInstanceAndSecretIsAccepted() {
        CoreApi.Answer answer = api.get(SUBSCRIPTIONS);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(simulator.requests()).last().satisfies(request -> {
            assertThat(request.clientId()).isEqualTo("eventsync");
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.path()).isEqualTo(SUBSCRIPTIONS);
        });
    }

    @Test
    void missingOrWrongCredentialsAre401WithABasicChallenge() {
        for (String authorization : List.of("", CoreApi.basic("eventsync@sandbox", "wrong"),
                CoreApi.basic("eventsync@elsewhere", "ofsc-sandbox"), CoreApi.basic("eventsync", "ofsc-sandbox"),
                CoreApi.basic("stranger@sandbox", "ofsc-sandbox"), "Basic not-base64!", "Bearer nonsense",
                "Digest username=eventsync")) {
            CoreApi.Answer answer = api.as(authorization.isEmpty() ? null : authorization).get(SUBSCRIPTIONS);
            assertThat(answer.status()).as(authorization).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Basic realm=\"ofsc\"");
            assertThat(answer.json().get("title").stringValue()).isEqualTo("Unauthorized");
            assertThat(answer.json().get("type").stringValue()).endsWith("#sec10.4.2");
            assertThat(answer.body()).doesNotContain("ofsc-sandbox").doesNotContain("wrong");
        }
        assertThat(simulator.requests()).allSatisfy(request -> assertThat(request.clientId()).isNull());
    }

    @Test
    void aTokenFromBasicClientCredentialsWorksAsBearerUntilItExpires() {
        CoreApi.Answer token = api.postForm(TOKEN, "grant_type=client_credentials");

        assertThat(token.status()).as(token.body()).isEqualTo(200);
        JsonNode grant = token.json();
        assertThat(grant.get("token_type").stringValue()).isEqualTo("bearer");
        assertThat(grant.get("expires_in").intValue()).isEqualTo(600);
        CoreApi bearer = api.as("Bearer " + grant.get("access_token").stringValue());
        assertThat(bearer.get(SUBSCRIPTIONS).status()).isEqualTo(200);
        assertThat(simulator.requests()).last().extracting(RecordedRequest::clientId).isEqualTo("eventsync");

        clock.advance(Duration.ofMinutes(9));
        assertThat(bearer.get(SUBSCRIPTIONS).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        CoreApi.Answer expired = bearer.get(SUBSCRIPTIONS);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("detail").stringValue()).contains("expired");
        assertThat(expired.body()).doesNotContain(grant.get("access_token").stringValue());
    }

    @Test
    void theTokenFormMayCarryTheClientCredentialsInstead() {
        CoreApi anonymous = api.as(null);

        CoreApi.Answer token = anonymous.postForm(TOKEN,
                "grant_type=client_credentials&client_id=eventsync%40sandbox&client_secret=ofsc-sandbox");

        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(anonymous.as("Bearer " + token.json().get("access_token").stringValue()).get(SUBSCRIPTIONS).status())
                .isEqualTo(200);
    }

    @Test
    void theTokenEndpointRefusesOtherGrantsAndWrongClients() {
        CoreApi.Answer password = api.postForm(TOKEN, "grant_type=password&username=a&password=b");
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.json().get("error").stringValue()).isEqualTo("unsupported_grant_type");
        assertThat(password.json().get("status").stringValue()).isEqualTo("400");

        CoreApi.Answer wrong = api.as(CoreApi.basic("eventsync@sandbox", "guess")).postForm(TOKEN,
                "grant_type=client_credentials");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").stringValue()).isEqualTo("invalid_client");

        assertThat(api.as(null).postForm(TOKEN, "grant_type=client_credentials").status()).isEqualTo(401);
        assertThat(api.get(TOKEN).status()).isEqualTo(405);
    }

    @Test
    void moreRequestsPerSecondThanTheLimitAre429WithRetryAfter() {
        OfscSimulator limited = OfscSimulator.start(OfscSimulatorSettings.builder().port(0).clock(clock)
                .rateLimitPerSecond(3).build());
        try {
            CoreApi client = CoreApi.of(limited);
            for (int i = 0; i < 3; i++) {
                assertThat(client.get(SUBSCRIPTIONS).status()).isEqualTo(200);
            }

            CoreApi.Answer throttled = client.get(SUBSCRIPTIONS);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isEqualTo("1");
            assertThat(throttled.json().get("title").stringValue()).isEqualTo("Too Many Requests");
            assertThat(throttled.json().get("status").stringValue()).isEqualTo("429");

            clock.advance(Duration.ofSeconds(1));
            assertThat(client.get(SUBSCRIPTIONS).status()).isEqualTo(200);
        } finally {
            limited.close();
        }
    }

    @Test
    void theStatusPageNeedsNoCredentialsAndShowsTheLogAndTheReaders() {
        String subscription = api.subscribe("activityCreated", "activityUpdated");
        simulator.generate(40);
        api.events("subscriptionId", subscription, "limit", "5");

        CoreApi.Answer answer = api.as(null).get("/sim/status");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode status = answer.json();
        assertThat(status.get("appended").longValue()).isEqualTo(40);
        assertThat(status.get("retained").intValue()).isEqualTo(40);
        assertThat(status.get("oldestTime").stringValue()).isEqualTo("2026-11-25 10:00:00");
        JsonNode item = status.at("/subscriptions/0");
        assertThat(item.get("subscriptionId").stringValue()).isEqualTo(subscription);
        assertThat(item.get("client").stringValue()).isEqualTo("eventsync");
        assertThat(item.get("lastRequested").stringValue()).hasSizeLessThanOrEqualTo(48);
        assertThat(item.get("pageRequested").booleanValue()).isTrue();
        assertThat(answer.body()).doesNotContain("ofsc-sandbox");
    }
}
