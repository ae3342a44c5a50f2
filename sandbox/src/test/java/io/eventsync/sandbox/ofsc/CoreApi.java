package io.eventsync.sandbox.ofsc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tests' side of the OFSC core API: a plain JDK HTTP client with one Authorization header. Each
 * call answers status, headers and the body as JSON, so a test reads like the exchange it checks.
 */
final class CoreApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        List<JsonNode> items() {
            List<JsonNode> items = new ArrayList<>();
            json().path("items").forEach(items::add);
            return items;
        }

        String nextPage() {
            return json().path("nextPage").stringValue();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String authorization;

    private CoreApi(HttpClient http, URI base, String authorization) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
    }

    /** Authenticated as the default client, with Basic. */
    static CoreApi of(OfscSimulator simulator) {
        return of(simulator, basic("eventsync@sandbox", "ofsc-sandbox"));
    }

    static CoreApi of(OfscSimulator simulator, String authorization) {
        return new CoreApi(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                simulator.baseUrl(), authorization);
    }

    /** The same connection pool, another Authorization header (null for none). */
    CoreApi as(String otherAuthorization) {
        return new CoreApi(http, base, otherAuthorization);
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** A subscription as created: its id and the marker the creation answered. */
    record Created(String id, String page) {
    }

    String subscribe(String... eventTypes) {
        return create(eventTypes).id();
    }

    Created create(String... eventTypes) {
        Answer answer = post("/rest/ofscCore/v1/events/subscriptions", "{\"subscriptionTitle\":\"test\","
                + "\"subscriptionConfig\":[{\"events\":[" + List.of(eventTypes).stream()
                .map(type -> "\"" + type + "\"").collect(Collectors.joining(",")) + "]}]}");
        if (answer.status() != 200) {
            throw new AssertionError("Could not subscribe: " + answer.status() + " " + answer.body());
        }
        return new Created(answer.json().get("subscriptionId").stringValue(), answer.nextPage());
    }

    /** GET events with the given parameters (name, value, name, value...), values encoded here. */
    Answer events(String... nameValuePairs) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            query.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return get("/rest/ofscCore/v1/events?" + query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    Answer get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer postForm(String path, String form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Answer send(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }
}
