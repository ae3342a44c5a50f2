package io.eventsync.sandbox.omi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tests' side of the web service, playing a connected server: a JDK HTTP client with a Basic header
 * (or none), paths relative to the simulator's base URL, answering status, headers and body.
 */
final class SyncClient {

    static final String XML = "application/xml";
    static final String JSON = "application/json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return MAPPER.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String authorization;

    private SyncClient(HttpClient http, URI base, String authorization) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
    }

    /** Authenticated as {@code user}. */
    static SyncClient of(OmiSimulator simulator, String user, String password) {
        return new SyncClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                simulator.baseUrl(), basic(user, password));
    }

    /** The same connection pool as another connected server (null: no Authorization at all). */
    SyncClient as(String user, String password) {
        return new SyncClient(http, base, user == null ? null : basic(user, password));
    }

    Reply head(String path) {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    Reply get(String path, String accept) {
        HttpRequest.Builder request = request(path).GET();
        return send(accept == null ? request : request.header("Accept", accept));
    }

    Reply post(String path, String contentType, String body) {
        return send(withBody(request(path).POST(HttpRequest.BodyPublishers.ofString(body)), contentType));
    }

    Reply put(String path, String contentType, String body) {
        return send(withBody(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)), contentType));
    }

    /** Sends as is, so a test can see the I/O error of a dropped connection. */
    HttpResponse<String> sendRaw(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String contentType) {
        return contentType == null ? request : request.header("Content-Type", contentType);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = sendRaw(request);
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
