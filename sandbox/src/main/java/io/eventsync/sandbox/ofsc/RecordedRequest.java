package io.eventsync.sandbox.ofsc;

import java.time.Instant;
import java.util.Map;

/**
 * One request the simulator received, for tests to assert on what a client sent.
 *
 * @param method the HTTP method
 * @param path the decoded path, without a trailing slash
 * @param query the decoded query parameters (first value of a repeated name)
 * @param clientId the client it authenticated as; null when it did not (or needed not)
 * @param status the status answered; 0 when the connection was dropped without an answer
 * @param time when it arrived, by the simulator's clock
 */
public record RecordedRequest(String method, String path, Map<String, String> query, String clientId,
                              int status, Instant time) {
}
