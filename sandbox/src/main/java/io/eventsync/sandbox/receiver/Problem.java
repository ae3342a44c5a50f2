package io.eventsync.sandbox.receiver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request the simulator refuses: thrown from anywhere below the router, which turns it into the one
 * error body every refusal uses, RFC 9457 problem JSON ({@code type}, {@code title}, {@code status},
 * {@code detail}). Token endpoints and bearer checks add OAuth's {@code error} and
 * {@code error_description} (RFC 6749 section 5.2, RFC 6750 section 3.1) as extension members, so
 * either kind of client finds what it reads.
 */
final class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    static final String CONTENT_TYPE = "application/problem+json";

    private final int status;
    private final Map<String, String> headers;
    private final String oauthError;
    private final transient Map<String, Object> members;

    private Problem(int status, String detail, Map<String, String> headers, String oauthError,
                    Map<String, Object> members) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.oauthError = oauthError;
        this.members = Map.copyOf(members);
    }

    static Problem of(int status, String detail) {
        return new Problem(status, detail, Map.of(), null, Map.of());
    }

    static Problem badRequest(String detail) {
        return of(400, detail);
    }

    static Problem notFound(String detail) {
        return of(404, detail);
    }

    static Problem methodNotAllowed(String method, String allowed) {
        return new Problem(405, "The method " + method + " is not allowed here; allowed: " + allowed,
                Map.of("Allow", allowed), null, Map.of());
    }

    /** 401 with the challenge that tells the client which scheme to use ({@code Basic realm="..."}). */
    static Problem unauthorized(String challenge, String detail) {
        return new Problem(401, detail, Map.of("WWW-Authenticate", challenge), null, Map.of());
    }

    /** A bearer token that is missing, unknown or expired (RFC 6750 section 3). */
    static Problem invalidToken(String realm, String detail) {
        return new Problem(401, detail, Map.of("WWW-Authenticate", "Bearer realm=\"" + realm
                + "\", error=\"invalid_token\", error_description=\"" + detail + "\""), "invalid_token", Map.of());
    }

    /** No token at all: the challenge carries no error code (RFC 6750 section 3.1). */
    static Problem tokenRequired(String realm) {
        return unauthorized("Bearer realm=\"" + realm + "\"", "A bearer token is required");
    }

    /** A token endpoint's refusal; {@code invalid_client} also challenges for Basic (RFC 6749 section 5.2). */
    static Problem oauth(int status, String error, String detail) {
        Map<String, String> headers = status == 401 ? Map.of("WWW-Authenticate", "Basic realm=\"oauth\"") : Map.of();
        return new Problem(status, detail, headers, error, Map.of());
    }

    /** 400 with extension members that say exactly what is wrong (a pointer, a list of field errors). */
    static Problem invalid(String detail, String name, Object value) {
        return new Problem(400, detail, Map.of(), null, Map.of(name, value));
    }

    static Problem invalid(String detail, List<?> errors) {
        return invalid(detail, "errors", errors);
    }

    Answer toAnswer(JsonMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", getMessage());
        if (oauthError != null) {
            body.put("error", oauthError);
            body.put("error_description", getMessage());
        }
        members.forEach((name, value) -> body.set(name, json.valueToTree(value)));
        return new Answer(status, json.writeValueAsBytes(body), CONTENT_TYPE, new LinkedHashMap<>(headers));
    }

    /** With {@code type} about:blank, RFC 9457 wants the status's reason phrase as the title. */
    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
