package io.eventsync.sandbox.ofsc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the simulator answers with an error: the status, the detail a client reads, and any
 * headers that belong to it (WWW-Authenticate, Retry-After, Allow). Thrown from anywhere below the
 * router; {@link ProblemJson} turns it into the one error body every answer uses.
 */
final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final Map<String, String> headers;
    private final String oauthError;

    ApiProblem(int status, String detail, Map<String, String> headers, String oauthError) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.oauthError = oauthError;
    }

    static ApiProblem of(int status, String detail) {
        return new ApiProblem(status, detail, Map.of(), null);
    }

    static ApiProblem badRequest(String detail) {
        return of(400, detail);
    }

    static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, detail, Map.of("WWW-Authenticate", "Basic realm=\"ofsc\""), null);
    }

    static ApiProblem forbidden(String detail) {
        return of(403, detail);
    }

    static ApiProblem notFound(String detail) {
        return of(404, detail);
    }

    static ApiProblem methodNotAllowed(String method, String allowed) {
        return new ApiProblem(405, "The method " + method + " is not allowed here; allowed: " + allowed,
                Map.of("Allow", allowed), null);
    }

    static ApiProblem tooManyRequests(long retryAfterSeconds, String detail) {
        return new ApiProblem(429, detail, Map.of("Retry-After", Long.toString(retryAfterSeconds)), null);
    }

    static ApiProblem unavailable(String detail) {
        return of(503, detail);
    }

    /** The token endpoint's errors carry OAuth's {@code error} code as well (RFC 6749 section 5.2). */
    static ApiProblem oauth(int status, String error, String detail) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (status == 401) {
            headers.put("WWW-Authenticate", "Basic realm=\"ofsc\"");
        }
        return new ApiProblem(status, detail, headers, error);
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    String oauthError() {
        return oauthError;
    }
}
