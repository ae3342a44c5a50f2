package io.eventsync.sandbox.ofsc;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /rest/oauthTokenService/v2/token}, client credentials only. The client authenticates with
 * Basic {@code clientId@instance:secret} or with the form's {@code client_id} (also
 * {@code clientId@instance}) and {@code client_secret}.
 */
final class TokenEndpoint {

    private final ClientAuth auth;
    private final AccessTokens tokens;
    private final JsonMapper json;

    TokenEndpoint(ClientAuth auth, AccessTokens tokens, JsonMapper json) {
        this.auth = auth;
        this.tokens = tokens;
        this.json = json;
    }

    ApiResponse answer(ApiRequest request) {
        if (request.body() == null) {
            throw ApiProblem.of(413, "The body is larger than " + ApiRequest.MAX_BODY_BYTES + " bytes");
        }
        Map<String, String> form;
        try {
            form = ApiRequest.form(new String(request.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.oauth(400, "invalid_request", "The body is not a valid form");
        }
        Optional<String> client = request.header("Authorization") != null
                ? auth.basic(request.header("Authorization"))
                : auth.check(form.get("client_id"), form.get("client_secret"));
        String clientId = client.orElseThrow(() -> ApiProblem.oauth(401, "invalid_client",
                "The client credentials are not valid"));
        request.authenticatedAs(clientId);
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw ApiProblem.oauth(400, "invalid_request", "grant_type is required");
        }
        if (!grantType.equals("client_credentials")) {
            throw ApiProblem.oauth(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported");
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("access_token", tokens.issue(clientId));
        answer.put("token_type", "bearer");
        answer.put("expires_in", tokens.lifetimeSeconds());
        return new ApiResponse(200, json.writeValueAsBytes(answer), ApiResponse.JSON,
                Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
    }
}
