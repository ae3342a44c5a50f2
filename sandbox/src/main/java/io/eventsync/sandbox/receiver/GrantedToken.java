package io.eventsync.sandbox.receiver;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A token endpoint's success answer (RFC 6749 section 5.1), never cached.
 *
 * @param tokenType {@code bearer} as OpsRamp writes it, {@code Bearer} as RFC 6750 does; clients must
 *     compare it case-insensitively anyway
 * @param refreshToken null when the grant gives none
 * @param scope null when the server names none
 */
record GrantedToken(String accessToken, String tokenType, long expiresIn, String refreshToken, String scope) {

    Answer toAnswer(JsonMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("access_token", accessToken);
        body.put("token_type", tokenType);
        body.put("expires_in", expiresIn);
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        if (scope != null) {
            body.put("scope", scope);
        }
        return new Answer(200, json.writeValueAsBytes(body), Answer.JSON,
                Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
    }

    @Override
    public String toString() {
        return "GrantedToken[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
