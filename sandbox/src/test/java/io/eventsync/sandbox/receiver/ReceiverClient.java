package io.eventsync.sandbox.receiver;

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
 * The tests' side of the simulator: a JDK HTTP client with an optional Authorization header, answering
 * status, headers and body, so a test reads like the exchange it checks.
 */
final class ReceiverClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FORM = "application/x-www-form-urlencoded";

    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String authorization;

    private ReceiverClient(HttpClient http, URI base, String authorization) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
    }

    static ReceiverClient of(ReceiverSimulator simulator) {
        return new ReceiverClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                simulator.baseUrl(), null);
    }

    /** The same connection pool with another Authorization header (null for none). */
    ReceiverClient as(String otherAuthorization) {
        return new ReceiverClient(http, base, otherAuthorization);
    }

    ReceiverClient bearer(String token) {
        return as("Bearer " + token);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, String contentType, String body) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        return send(contentType == null ? request : request.header("Content-Type", contentType));
    }

    Reply postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    Reply postForm(String path, String form) {
        return post(path, FORM, form);
    }

    Reply send(String method, String path, String body) {
        return send(request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The access token a token endpoint answers this form with; fails the test otherwise. */
    String token(String tokenPath, String form) {
        Reply reply = postForm(tokenPath, form);
        if (reply.status() != 200) {
            throw new AssertionError("No token from " + tokenPath + ": " + reply.status() + " " + reply.body());
        }
        return reply.json().get("access_token").stringValue();
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = sendRaw(request);
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends without turning an I/O error into an unchecked one, for tests about I/O errors. */
    HttpResponse<String> sendRaw(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }
}
