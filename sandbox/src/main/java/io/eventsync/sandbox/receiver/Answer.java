package io.eventsync.sandbox.receiver;

import java.util.Map;

/** What the simulator sends back: status, body and the headers that go with them. */
record Answer(int status, byte[] body, String contentType, Map<String, String> headers) {

    static final String JSON = "application/json";

    /** Not an answer: the connection is closed without one (the drop fault). */
    static final Answer DROPPED = new Answer(0, new byte[0], null, Map.of());

    Answer {
        headers = Map.copyOf(headers);
    }

    static Answer json(int status, byte[] body) {
        return new Answer(status, body, JSON, Map.of());
    }

    static Answer empty(int status) {
        return new Answer(status, new byte[0], null, Map.of());
    }
}
