package io.eventsync.sandbox.receiver;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request as the endpoints need it: method, decoded path exactly as sent (a trailing slash means
 * something on {@code /opr/event_change/}), decoded query parameters, headers and body.
 */
final class IncomingRequest {

    /** Large enough for any OPR bulk the codec accepts; a larger body is refused unread. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final boolean malformedQuery;
    private final Headers headers;
    private final byte[] body;

    private IncomingRequest(HttpExchange exchange, byte[] body) {
        this.method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        this.path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        Map<String, String> parsed;
        boolean malformed = false;
        try {
            parsed = FormData.parse(uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            parsed = Map.of();
            malformed = true;
        }
        this.query = parsed;
        this.malformedQuery = malformed;
        this.headers = exchange.getRequestHeaders();
        this.body = body;
    }

    /** Reads the body (at most {@link #MAX_BODY_BYTES}; null when larger). */
    static IncomingRequest read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return new IncomingRequest(exchange, body.length > MAX_BODY_BYTES ? null : body);
        }
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
        return headers.getFirst(name);
    }

    Headers headers() {
        return headers;
    }

    String contentType() {
        return header("Content-Type");
    }

    /** The body; a 413 problem when it was too large to read. */
    byte[] body() {
        if (body == null) {
            throw Problem.of(413, "The body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    /** The body as far as it was read, for the request log: empty when it was too large. */
    byte[] bodyAsRead() {
        return body == null ? new byte[0] : body;
    }

    String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }
}
