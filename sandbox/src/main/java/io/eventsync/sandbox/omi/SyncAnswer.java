package io.eventsync.sandbox.omi;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the web service sends back: status, body and the headers that go with them. */
record SyncAnswer(int status, byte[] body, String contentType, Map<String, String> headers) {

    /** Not an answer: the connection is closed without one (the drop fault). */
    static final SyncAnswer DROPPED = new SyncAnswer(0, new byte[0], null, Map.of());

    SyncAnswer {
        headers = Map.copyOf(headers);
    }

    static SyncAnswer empty(int status) {
        return new SyncAnswer(status, new byte[0], null, Map.of());
    }

    /** A 200 in plain JSON: the control API's answers, which are no OPR documents. */
    static SyncAnswer json(JsonMapper json, JsonNode body) {
        return new SyncAnswer(200, json.writeValueAsBytes(body), "application/json", Map.of());
    }

    boolean dropped() {
        return status == 0;
    }
}
