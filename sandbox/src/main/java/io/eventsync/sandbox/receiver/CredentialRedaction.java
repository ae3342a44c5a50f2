package io.eventsync.sandbox.receiver;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the request log keeps of credentials: who, never the secret. Authorization headers become their
 * scheme and principal (the Basic user; the client or user a bearer token was issued to); secret fields
 * of a form body are masked. A test can then assert on how a client authenticated without the log
 * becoming a place secrets leak from.
 */
final class CredentialRedaction {

    private static final Set<String> AUTHORIZATION_HEADERS = Set.of("authorization", "proxy-authorization");
    private static final Set<String> FORM_SECRETS = Set.of("client_secret", "password", "refresh_token",
            "access_token", "code");
    private static final String FORM = "application/x-www-form-urlencoded";

    private final AccessTokens tokens;

    CredentialRedaction(AccessTokens tokens) {
        this.tokens = tokens;
    }

    Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> kept.put(name,
                AUTHORIZATION_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                        ? values.stream().map(this::authorization).toList() : values));
        return kept;
    }

    byte[] body(IncomingRequest request) {
        byte[] body = request.bodyAsRead();
        String contentType = request.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            return body;
        }
        return FormData.masked(new String(body, StandardCharsets.UTF_8), FORM_SECRETS)
                .getBytes(StandardCharsets.UTF_8);
    }

    String authorization(String value) {
        String trimmed = value.trim();
        int space = trimmed.indexOf(' ');
        String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
        if (scheme.equalsIgnoreCase("Basic")) {
            return BasicAuthorization.parse(trimmed).map(basic -> scheme + " " + basic.user())
                    .orElse(scheme + " (malformed)");
        }
        if (scheme.equalsIgnoreCase("Bearer")) {
            return scheme + " " + AccessTokens.bearerToken(trimmed).flatMap(tokens::principalOf)
                    .orElse("(unknown token)");
        }
        return scheme;
    }
}
