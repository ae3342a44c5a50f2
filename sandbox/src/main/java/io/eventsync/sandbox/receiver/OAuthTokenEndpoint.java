package io.eventsync.sandbox.receiver;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /oauth/token}: the authorization server a webhook notifier with {@code authType} OAUTH2 uses
 * (seed 002: grants CLIENT_CREDENTIALS, PASSWORD and REFRESH_TOKEN). One client and one resource owner,
 * from the settings. {@code client_credentials} gives an access token only; {@code password} and
 * {@code refresh_token} give a refresh token too, the latter rotating it.
 */
final class OAuthTokenEndpoint {

    private final Credentials client;
    private final Credentials user;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final TokenCounts counts;
    private final JsonMapper json;

    OAuthTokenEndpoint(Credentials client, Credentials user, AccessTokens accessTokens, RefreshTokens refreshTokens,
                       TokenCounts counts, JsonMapper json) {
        this.client = client;
        this.user = user;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.counts = counts;
        this.json = json;
    }

    Answer answer(IncomingRequest request) {
        TokenRequest token = TokenRequest.read(request);
        String clientId = token.requireClient(client);
        OAuthGrant grant = token.grant();
        String principal = switch (grant) {
            case CLIENT_CREDENTIALS -> clientId;
            case PASSWORD -> owner(token.required("username"), token.required("password"));
            case REFRESH_TOKEN -> refreshTokens.redeem(token.required("refresh_token"), clientId);
        };
        String refresh = grant == OAuthGrant.CLIENT_CREDENTIALS ? null : refreshTokens.issue(clientId, principal);
        GrantedToken granted = new GrantedToken(accessTokens.issue(TokenRealm.HOOKS, principal), "Bearer",
                accessTokens.lifetimeSeconds(), refresh, null);
        counts.count(TokenRealm.HOOKS, grant);
        return granted.toAnswer(json);
    }

    private String owner(String username, String password) {
        if (!user.matches(username, password)) {
            throw Problem.oauth(400, "invalid_grant", "The resource owner's credentials are not valid");
        }
        return username;
    }
}
