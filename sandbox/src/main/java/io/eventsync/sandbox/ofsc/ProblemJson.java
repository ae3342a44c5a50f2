package io.eventsync.sandbox.ofsc;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The error body OFSC documents for every call ("Default Response" in seed 003): {@code type} (a page
 * about the error, here the RFC 2616 section of the status), {@code title} (the reason phrase),
 * {@code status} (a string, as OFSC's schema has it) and {@code detail}.
 */
final class ProblemJson {

    static final String CONTENT_TYPE = "application/json";

    private static final String RFC_2616 = "http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.";

    /** A status's reason phrase and its section in RFC 2616. */
    private record Reason(String phrase, String section) {
    }

    private static final Map<Integer, Reason> STATUSES = Map.ofEntries(
            Map.entry(400, new Reason("Bad Request", "4.1")),
            Map.entry(401, new Reason("Unauthorized", "4.2")),
            Map.entry(402, new Reason("Payment Required", "4.3")),
            Map.entry(403, new Reason("Forbidden", "4.4")),
            Map.entry(404, new Reason("Not Found", "4.5")),
            Map.entry(405, new Reason("Method Not Allowed", "4.6")),
            Map.entry(406, new Reason("Not Acceptable", "4.7")),
            Map.entry(407, new Reason("Proxy Authentication Required", "4.8")),
            Map.entry(408, new Reason("Request Timeout", "4.9")),
            Map.entry(409, new Reason("Conflict", "4.10")),
            Map.entry(410, new Reason("Gone", "4.11")),
            Map.entry(411, new Reason("Length Required", "4.12")),
            Map.entry(412, new Reason("Precondition Failed", "4.13")),
            Map.entry(413, new Reason("Request Entity Too Large", "4.14")),
            Map.entry(414, new Reason("Request-URI Too Long", "4.15")),
            Map.entry(415, new Reason("Unsupported Media Type", "4.16")),
            Map.entry(416, new Reason("Requested Range Not Satisfiable", "4.17")),
            Map.entry(417, new Reason("Expectation Failed", "4.18")),
            Map.entry(500, new Reason("Internal Server Error", "5.1")),
            Map.entry(501, new Reason("Not Implemented", "5.2")),
            Map.entry(502, new Reason("Bad Gateway", "5.3")),
            Map.entry(503, new Reason("Service Unavailable", "5.4")),
            Map.entry(504, new Reason("Gateway Timeout", "5.5")),
            Map.entry(505, new Reason("HTTP Version Not Supported", "5.6")));

    private final JsonMapper json;

    ProblemJson(JsonMapper json) {
        this.json = json;
    }

    byte[] body(ApiProblem problem) {
        ObjectNode body = json.createObjectNode();
        body.put("type", type(problem.status()));
        body.put("title", title(problem.status()));
        body.put("status", Integer.toString(problem.status()));
        body.put("detail", problem.getMessage());
        if (problem.oauthError() != null) {
            body.put("error", problem.oauthError());
            body.put("error_description", problem.getMessage());
        }
        return json.writeValueAsBytes(body);
    }

    static String title(int status) {
        Reason known = STATUSES.get(status);
        if (known != null) {
            return known.phrase();
        }
        return status == 429 ? "Too Many Requests" : "HTTP " + status;
    }

    /** RFC 2616 predates 429 (RFC 6585) and a few others; those point at their own RFC. */
    static String type(int status) {
        Reason known = STATUSES.get(status);
        if (known != null) {
            return RFC_2616 + known.section();
        }
        return status == 429 ? "https://tools.ietf.org/html/rfc6585#section-4"
                : "https://www.rfc-editor.org/rfc/rfc9110#status." + status;
    }
}
