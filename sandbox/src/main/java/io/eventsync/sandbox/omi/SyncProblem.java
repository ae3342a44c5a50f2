package io.eventsync.sandbox.omi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request the web service refuses, thrown from anywhere below the router and answered as RFC 9457
 * problem JSON ({@code type}, {@code title}, {@code status}, {@code detail}), the one error body of every
 * sandbox simulator. {@code type} is {@code about:blank}, so {@code title} is the status's reason phrase.
 * Extension members ({@link #with}) carry what a script would otherwise have to dig out of {@code detail}.
 */
final class SyncProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    static final String CONTENT_TYPE = "application/problem+json";
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
            Map.entry(413, "Content Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private final int status;
    private final Map<String, String> headers;
    private final Map<String, Object> members;

    private SyncProblem(int status, String detail, Map<String, String> headers, Map<String, Object> members) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
        // In the order added, after the standard members, so the body reads as it was built.
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    static SyncProblem of(int status, String detail) {
        return new SyncProblem(status, detail, Map.of(), Map.of());
    }

    static SyncProblem of(int status, String detail, Map<String, String> headers) {
        return new SyncProblem(status, detail, headers, Map.of());
    }

    /** The same problem with one more extension member (RFC 9457, section 3.2). */
    SyncProblem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(name, value);
        return new SyncProblem(status, getMessage(), headers, more);
    }

    static SyncProblem badRequest(String detail) {
        return of(400, detail);
    }

    static SyncProblem forbidden(String detail) {
        return of(403, detail);
    }

    static SyncProblem methodNotAllowed(String method, String allowed) {
        return of(405, "The method " + method + " is not allowed here; allowed: " + allowed, Map.of("Allow", allowed));
    }

    SyncAnswer toAnswer(JsonMapper json) {
        ObjectNode body = json.createObjectNode()
                .put("type", "about:blank")
                .put("title", REASONS.getOrDefault(status, "HTTP " + status))
                .put("status", status)
                .put("detail", getMessage());
        members.forEach((name, value) -> body.set(name, json.valueToTree(value)));
        return new SyncAnswer(status, json.writeValueAsBytes(body), CONTENT_TYPE, headers);
    }
}
