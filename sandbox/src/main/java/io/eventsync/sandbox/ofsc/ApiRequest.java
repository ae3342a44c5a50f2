package io.eventsync.sandbox.ofsc;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One request as the endpoints need it: method, decoded path (a trailing slash dropped, since the
 * reference's own links use {@code /events/?...}), decoded query parameters (the first value of a
 * repeated name wins), headers and body, plus the client it was authenticated as, once it is.
 */
final class ApiRequest {

    /** Bodies the simulator accepts are small JSON or form documents; a larger one is refused unread. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final Pattern SANE_HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");

    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final boolean malformedQuery;
    private final HttpExchange exchange;
    private final byte[] body;
    private final String origin;
    private String clientId;

    private ApiRequest(HttpExchange exchange, byte[] body, String fallbackOrigin) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String decodedPath = uri.getPath() == null ? "/" : uri.getPath();
        this.path = decodedPath.length() > 1 && decodedPath.endsWith("/")
                ? decodedPath.substring(0, decodedPath.length() - 1) : decodedPath;
        Map<String, String> parsed;
        boolean malformed = false;
        try {
            parsed = form(uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            parsed = Map.of();
            malformed = true;
        }
        this.query = parsed;
        this.malformedQuery = malformed;
        this.body = body;
        String host = exchange.getRequestHeaders().getFirst("Host");
        this.origin = host != null && SANE_HOST.matcher(host).matches() ? "http://" + host : fallbackOrigin;
    }

    /** Reads the body (at most {@link #MAX_BODY_BYTES}; null when larger). */
    static ApiRequest read(HttpExchange exchange, String fallbackOrigin) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return new ApiRequest(exchange, body.length > MAX_BODY_BYTES ? null : body, fallbackOrigin);
        }
    }

    /** Decodes {@code application/x-www-form-urlencoded} text, as used by query strings and the token form. */
    static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return Collections.unmodifiableMap(values);
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(values);
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    Map<String, String> query() {
        return query;
    }

    boolean malformedQuery() {
        return malformedQuery;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The body, or null when it was too large to read. */
    byte[] body() {
        return body;
    }

    /** Scheme, host and port as the client addressed the simulator, for the links in answers. */
    String origin() {
        return origin;
    }

    String clientId() {
        return clientId;
    }

    void authenticatedAs(String client) {
        this.clientId = client;
    }
}
