package io.eventsync.sandbox.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.sandbox.ofsc.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Webhook targets with each notifier auth type of seed 002 (NONE, BASIC, OAUTH2), and the OAuth2 token
 * endpoint behind the bearer ones: its three grants, expiry, refresh and rotation. Token time is the
 * injected clock's, so nothing here waits for a token to expire.
 */
class ReceiverWebhooksIT extends ReceiverFixture {

    private static final String TOKEN = "/oauth/token";
    private static final String CLIENT = "client_id=eventsync&client_secret=oauth-sandbox";
    private static final String PASSWORD_GRANT = "grant_type=password&username=operator&password=operator-sandbox&"
            + CLIENT;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @Override
    ReceiverSimulatorSettings.Builder settings(ReceiverSimulatorSettings.Builder defaults) {
        return defaults.clock(clock).tokenLifetime(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "GET"})
    void anOpenHookTakesEachMethodAndAnswersAReceipt(String method) {
        ReceiverClient.Reply reply = client.send(method, "/hooks/open/incidents/42?source=omi", "{\"subject\":\"x\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("method").stringValue()).isEqualTo(method);
        assertThat(reply.json().get("path").stringValue()).isEqualTo("/hooks/open/incidents/42");
        RecordedRequest recorded = simulator.requestsTo("/hooks/").get(0);
        assertThat(recorded.method()).isEqualTo(method);
        assertThat(recorded.query()).containsEntry("source", "omi");
        assertThat(recorded.bodyText()).isEqualTo("{\"subject\":\"x\"}");
        assertThat(recorded.status()).isEqualTo(200);
    }

    @Test
    void deleteIsAnswered204AndOtherMethods405() {
        assertThat(client.send("DELETE", "/hooks/open/incidents/42", null).status()).isEqualTo(204);
        ReceiverClient.Reply options = client.send("OPTIONS", "/hooks/open/x", null);
        assertThat(options.status()).isEqualTo(405);
        assertThat(options.header("Allow")).isEqualTo("POST, PUT, PATCH, GET, DELETE");
        assertThat(client.postJson("/hooks/elsewhere/x", "{}").status()).isEqualTo(404);
    }

    @Test
    void aBasicHookNeedsTheConfiguredCredentialsAndTheLogKeepsOnlyTheUser() {
        ReceiverClient.Reply anonymous = client.postJson("/hooks/basic/alerts", "{}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"hooks\"");
        assertThat(client.as(ReceiverClient.basic("webhook", "wrong")).postJson("/hooks/basic/alerts", "{}").status())
                .isEqualTo(401);

        ReceiverClient.Reply accepted = client.as(ReceiverClient.basic("webhook", "webhook-sandbox"))
                .postJson("/hooks/basic/alerts", "{}");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(simulator.requestsTo("/hooks/basic/")).extracting(RecordedRequest::authorization)
                .containsExactly(null, "Basic webhook", "Basic webhook");
        assertThat(simulator.requests().toString()).doesNotContain("webhook-sandbox");
    }

    @Test
    void aClientCredentialsTokenOpensBearerHooksUntilItExpires() {
        ReceiverClient.Reply granted = client.postForm(TOKEN, "grant_type=client_credentials&" + CLIENT);

        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        JsonNode token = granted.json();
        assertThat(token.get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").intValue()).isEqualTo(2);
        assertThat(token.has("refresh_token")).as("client credentials get no refresh token").isFalse();
        assertThat(granted.header("Cache-Control")).isEqualTo("no-store");
        ReceiverClient bearer = client.bearer(token.get("access_token").stringValue());
        assertThat(bearer.postJson("/hooks/bearer/alerts", "{}").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(2));
        ReceiverClient.Reply expired = bearer.postJson("/hooks/bearer/alerts", "{}");

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).startsWith("Bearer realm=\"hooks\"")
                .contains("error=\"invalid_token\"");
        assertThat(expired.json().get("error").stringValue()).isEqualTo("invalid_token");
        assertThat(simulator.tokensIssued(OAuthGrant.CLIENT_CREDENTIALS)).isEqualTo(1);
    }

    @Test
    void aBearerHookWithoutATokenIsChallengedWithoutAnErrorCode() {
        ReceiverClient.Reply reply = client.postJson("/hooks/bearer/alerts", "{}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"hooks\"");
        assertThat(client.bearer("made-up").postJson("/hooks/bearer/alerts", "{}").header("WWW-Authenticate"))
                .contains("error=\"invalid_token\"");
    }

    @Test
    void thePasswordGrantGivesARefreshTokenThatRenewsAnExpiredAccessTokenOnce() {
        JsonNode first = client.postForm(TOKEN, PASSWORD_GRANT).json();
        String refresh = first.get("refresh_token").stringValue();
        ReceiverClient bearer = client.bearer(first.get("access_token").stringValue());
        assertThat(bearer.postJson("/hooks/bearer/x", "{}").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(3));
        assertThat(bearer.postJson("/hooks/bearer/x", "{}").status()).isEqualTo(401);

        ReceiverClient.Reply refreshed = client.postForm(TOKEN, "grant_type=refresh_token&refresh_token=" + refresh
                + "&" + CLIENT);

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        String rotated = refreshed.json().get("refresh_token").stringValue();
        assertThat(rotated).isNotEqualTo(refresh);
        assertThat(client.bearer(refreshed.json().get("access_token").stringValue()).postJson("/hooks/bearer/x", "{}")
                .status()).isEqualTo(200);
        assertThat(simulator.tokensIssued(OAuthGrant.PASSWORD)).isEqualTo(1);
        assertThat(simulator.tokensIssued(OAuthGrant.REFRESH_TOKEN)).isEqualTo(1);
        assertThat(simulator.requestsTo("/hooks/bearer/")).extracting(RecordedRequest::authorization)
                .containsOnly("Bearer operator");
    }

    @Test
    void aRefreshTokenWorksOnlyOnce() {
        String refresh = client.postForm(TOKEN, PASSWORD_GRANT).json().get("refresh_token").stringValue();
        assertThat(client.postForm(TOKEN, "grant_type=refresh_token&refresh_token=" + refresh + "&" + CLIENT).status())
                .isEqualTo(200);

        ReceiverClient.Reply reused = client.postForm(TOKEN, "grant_type=refresh_token&refresh_token=" + refresh
                + "&" + CLIENT);

        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("error").stringValue()).isEqualTo("invalid_grant");
        assertThat(simulator.tokensIssued(OAuthGrant.REFRESH_TOKEN)).isEqualTo(1);
    }

    @Test
    void theClientMayAuthenticateWithBasicButNotBothWays() {
        ReceiverClient basic = client.as(ReceiverClient.basic("eventsync", "oauth-sandbox"));

        assertThat(basic.postForm(TOKEN, "grant_type=client_credentials").status()).isEqualTo(200);
        ReceiverClient.Reply both = basic.postForm(TOKEN, "grant_type=client_credentials&" + CLIENT);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("error").stringValue()).isEqualTo("invalid_request");
    }

    @Test
    void wrongClientsUsersAndGrantsAreRefusedTheOAuthWay() {
        ReceiverClient.Reply wrongClient = client.postForm(TOKEN,
                "grant_type=client_credentials&client_id=eventsync&client_secret=guess");
        assertThat(wrongClient.status()).isEqualTo(401);
        assertThat(wrongClient.json().get("error").stringValue()).isEqualTo("invalid_client");
        assertThat(wrongClient.header("WWW-Authenticate")).isEqualTo("Basic realm=\"oauth\"");

        ReceiverClient.Reply wrongUser = client.postForm(TOKEN,
                "grant_type=password&username=operator&password=guess&" + CLIENT);
        assertThat(wrongUser.status()).isEqualTo(400);
        assertThat(wrongUser.json().get("error").stringValue()).isEqualTo("invalid_grant");

        ReceiverClient.Reply unknownGrant = client.postForm(TOKEN, "grant_type=authorization_code&code=x&" + CLIENT);
        assertThat(unknownGrant.json().get("error").stringValue()).isEqualTo("unsupported_grant_type");
        assertThat(client.postForm(TOKEN, CLIENT).json().get("error").stringValue()).isEqualTo("invalid_request");
        assertThat(client.get(TOKEN).status()).isEqualTo(405);
        assertThat(simulator.tokensIssued(OAuthGrant.PASSWORD)).isZero();
    }

    @Test
    void tokenRequestsAreRecordedWithoutTheirSecrets() {
        client.token(TOKEN, PASSWORD_GRANT);

        RecordedRequest recorded = simulator.requestsTo(TOKEN).get(0);
        assertThat(recorded.bodyText()).contains("username=operator", "client_id=eventsync",
                "password=******", "client_secret=******");
        assertThat(recorded.bodyText()).doesNotContain("operator-sandbox", "oauth-sandbox");
    }

    @Test
    void anOpsRampTokenDoesNotOpenAWebhook() {
        String opsRamp = client.token("/auth/oauth/token",
                "grant_type=client_credentials&client_id=opsramp-key&client_secret=opsramp-sandbox");

        ReceiverClient.Reply reply = client.bearer(opsRamp).postJson("/hooks/bearer/alerts", "{}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(simulator.tokensIssued(OAuthGrant.CLIENT_CREDENTIALS)).isZero();
        assertThat(simulator.opsRampTokensIssued()).isEqualTo(1);
    }

    @Test
    void expireTokensRefusesEveryTokenIssuedSoFarUntilTheClientRefreshes() {
        JsonNode grant = client.postForm(TOKEN, PASSWORD_GRANT).json();
        ReceiverClient bearer = client.bearer(grant.get("access_token").stringValue());
        List<Integer> statuses = new ArrayList<>();
        statuses.add(bearer.postJson("/hooks/bearer/x", "{}").status());

        simulator.faults("/hooks/").expireTokens();
        statuses.add(bearer.postJson("/hooks/bearer/x", "{}").status());
        String renewed = client.token(TOKEN, "grant_type=refresh_token&refresh_token="
                + grant.get("refresh_token").stringValue() + "&" + CLIENT);
        statuses.add(client.bearer(renewed).postJson("/hooks/bearer/x", "{}").status());

        assertThat(statuses).containsExactly(200, 401, 200);
        assertThat(simulator.tokensIssued(OAuthGrant.REFRESH_TOKEN)).isEqualTo(1);
    }
}
