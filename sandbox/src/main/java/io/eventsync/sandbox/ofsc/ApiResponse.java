package io.eventsync.sandbox.ofsc;

import java.util.Map;

/** What the router sends back: status, body and the headers that go with them. */
record ApiResponse(int status, byte[] body, String contentType, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    /** Not an answer: the connection is closed without one (the drop fault). */
    static final ApiResponse DROPPED = new ApiResponse(0, new byte[0], null, Map.of());

    static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, body, JSON, Map.of());
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, new byte[0], null, Map.of());
    }
}
