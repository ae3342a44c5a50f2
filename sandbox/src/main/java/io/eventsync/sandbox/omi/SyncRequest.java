package io.eventsync.sandbox.omi;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/**
 * One request to the synchronization web service as the endpoints need it: method, decoded path, headers,
 * the body, and the connected server it authenticated as once the router has checked that.
 */
final class SyncRequest {

    /** Far more than any OPR document the codec accepts; a larger body is refused unread. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final String method;
    private final String path;
    private final Headers headers;
    private final byte[] body;
    private String connectedServer;

    private SyncRequest(String method, String path, Headers headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
    }

    static SyncRequest read(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return new SyncRequest(exchange.getRequestMethod(), path == null || path.isEmpty() ? "/" : path,
                    exchange.getRequestHeaders(), body.length > MAX_BODY_BYTES ? null : body);
        }
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    Headers headers() {
        return headers;
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    String contentType() {
        return header("Content-Type");
    }

    /** The body; a 413 when it was too large to read. */
    byte[] body() {
        if (body == null) {
            throw SyncProblem.of(413, "The body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    /** A 405 with {@code Allow} unless the method is one of {@code methods} (as in {@code "GET, PUT"}). */
    void allow(String methods) {
        for (String allowed : methods.split(", ")) {
            if (allowed.equals(method)) {
                return;
            }
        }
        throw SyncProblem.methodNotAllowed(method, methods);
    }

    /** What the request log keeps: the body as read, empty when it was too large. */
    byte[] bodyAsRead() {
        return body == null ? new byte[0] : body;
    }

    /** Who sent it; set by the router after authentication, so an endpoint never sees an anonymous request. */
    String connectedServer() {
        return connectedServer;
    }

    void authenticatedAs(String name) {
        connectedServer = name;
    }
}
