package io.eventsync.sandbox.receiver;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /auth/oauth/token} as OpsRamp has it (PROTOCOLS.md, "OpsRamp"): client credentials only,
 * the API key and secret from the settings, answered {@code token_type} "bearer" (lower case, as OpsRamp
 * writes it) with scope "global".
 */
final class OpsRampTokenEndpoint {

    private final Credentials client;
    private final AccessTokens tokens;
    private final TokenCounts counts;
    private final JsonMapper json;

    OpsRampTokenEndpoint(Credentials client, AccessTokens tokens, TokenCounts counts, JsonMapper json) {
        this.client = client;
        this.tokens = tokens;
        this.counts = counts;
        this.json = json;
    }

    Answer answer(IncomingRequest request) {
        TokenRequest token = TokenRequest.read(request);
        String clientId = token.requireClient(client);
        if (token.grant() != OAuthGrant.CLIENT_CREDENTIALS) {
            throw Problem.oauth(400, "unsupported_grant_type", "OpsRamp issues tokens for client_credentials only");
        }
        GrantedToken granted = new GrantedToken(tokens.issue(TokenRealm.OPSRAMP, clientId), "bearer",
                tokens.lifetimeSeconds(), null, "global");
        counts.count(TokenRealm.OPSRAMP, OAuthGrant.CLIENT_CREDENTIALS);
        return granted.toAnswer(json);
    }
}
