package io.eventsync.sandbox.receiver;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request the simulator received, for tests to assert on what a client sent. Credentials are not
 * kept: {@code Authorization} is recorded as its scheme and whom it names ({@code Basic webhook},
 * {@code Bearer eventsync}), and the secret fields of a form body ({@code client_secret},
 * {@code password}, {@code refresh_token}) as {@code ******}.
 *
 * @param method the HTTP method
 * @param path the decoded path, exactly as sent (trailing slash included)
 * @param query the decoded query parameters (first value of a repeated name)
 * @param headers every header; names compare ignoring case
 * @param body the body as received (empty when it was too large to read)
 * @param contentType the Content-Type header, or null
 * @param status the status answered; 0 when the connection was dropped without an answer
 * @param time when it arrived, by the simulator's clock
 */
public record RecordedRequest(String method, String path, Map<String, String> query,
                             Map<String, List<String>> headers, byte[] body, String contentType, int status,
                             Instant time) {

    public RecordedRequest {
        query = Map.copyOf(query);
        Map<String, List<String>> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> named.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(named);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code Authorization} as recorded: scheme and principal, never the secret; null when absent. */
    public String authorization() {
        return header("Authorization");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedRequest that && method.equals(that.method) && path.equals(that.path)
                && query.equals(that.query) && headers.equals(that.headers) && Arrays.equals(body, that.body)
                && Objects.equals(contentType, that.contentType) && status == that.status && time.equals(that.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, headers, Arrays.hashCode(body), contentType, status, time);
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + (query.isEmpty() ? "" : " " + query) + " -> " + status
                + ", " + body.length + " bytes" + (contentType == null ? "" : " " + contentType)
                + ", authorization=" + authorization() + ", time=" + time + "]";
    }
}
