package io.eventsync.sandbox.ofsc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Who is calling. OFSC clients authenticate with Basic {@code base64(clientId@instance:secret)} or with a
 * bearer token from the token endpoint. Secrets are compared in constant time and never appear in a
 * detail message or a log line.
 */
final class ClientAuth {

    private final String instanceName;
    private final Map<String, String> secrets;
    private final AccessTokens tokens;

    ClientAuth(String instanceName, Map<String, String> secrets, AccessTokens tokens) {
        this.instanceName = instanceName;
        this.secrets = secrets;
        this.tokens = tokens;
    }

    /** The client id of a core API call; a 401 problem otherwise. */
    String authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiProblem.unauthorized("Authentication is required: Basic clientId@instance:secret or a bearer token");
        }
        String value = authorization.trim();
        if (startsWithIgnoreCase(value, "Bearer ")) {
            return tokens.clientOf(value.substring(7).trim());
        }
        return basic(value).orElseThrow(() -> ApiProblem.unauthorized("The client credentials are not valid"));
    }

    /** The client id of valid Basic credentials, if these are. */
    Optional<String> basic(String authorization) {
        if (authorization == null || !startsWithIgnoreCase(authorization.trim(), "Basic ")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.trim().substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : check(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** Checks a user name of the form {@code clientId@instance} and its secret. */
    Optional<String> check(String user, String secret) {
        if (user == null || secret == null) {
            return Optional.empty();
        }
        int at = user.lastIndexOf('@');
        if (at <= 0 || !user.substring(at + 1).equals(instanceName)) {
            return Optional.empty();
        }
        String clientId = user.substring(0, at);
        String expected = secrets.get(clientId);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(clientId);
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
