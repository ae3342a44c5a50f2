package io.eventsync.sandbox.receiver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A request to a token endpoint (RFC 6749 section 4): the form, and the client, which authenticates with
 * HTTP Basic or with the form's {@code client_id} and {@code client_secret}, not both (section 2.3.1).
 */
final class TokenRequest {

    private final Map<String, String> form;
    private final String clientId;
    private final String clientSecret;

    private TokenRequest(Map<String, String> form, String clientId, String clientSecret) {
        this.form = form;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    static TokenRequest read(IncomingRequest request) {
        if (!request.method().equals("POST")) {
            throw Problem.methodNotAllowed(request.method(), "POST");
        }
        Map<String, String> form;
        try {
            form = FormData.parse(request.bodyText());
        } catch (IllegalArgumentException e) {
            throw Problem.oauth(400, "invalid_request", "The body is not a valid form");
        }
        String authorization = request.header("Authorization");
        if (authorization == null) {
            return new TokenRequest(form, form.get("client_id"), form.get("client_secret"));
        }
        if (form.containsKey("client_secret")) {
            throw Problem.oauth(400, "invalid_request", "Use one client authentication method: Basic or the form");
        }
        BasicAuthorization basic = BasicAuthorization.parse(authorization).orElseThrow(() ->
                Problem.oauth(401, "invalid_client", "Client authentication must be HTTP Basic"));
        try {
            // RFC 6749 section 2.3.1: id and secret are form-encoded before they go into the Basic header.
            return new TokenRequest(form, URLDecoder.decode(basic.user(), StandardCharsets.UTF_8),
                    URLDecoder.decode(basic.password(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw Problem.oauth(401, "invalid_client", "The client credentials are not validly encoded");
        }
    }

    /** The client id; {@code invalid_client} unless it authenticated as {@code expected}. */
    String requireClient(Credentials expected) {
        if (!expected.matches(clientId, clientSecret)) {
            throw Problem.oauth(401, "invalid_client", "The client credentials are not valid");
        }
        return clientId;
    }

    /** The grant asked for; {@code invalid_request} when missing, {@code unsupported_grant_type} when unknown. */
    OAuthGrant grant() {
        String grantType = required("grant_type");
        Optional<OAuthGrant> grant = OAuthGrant.of(grantType);
        return grant.orElseThrow(() -> Problem.oauth(400, "unsupported_grant_type",
                "grant_type must be client_credentials, password or refresh_token"));
    }

    String required(String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw Problem.oauth(400, "invalid_request", name + " is required");
        }
        return value;
    }
}
