package io.eventsync.bench;

import io.eventsync.sandbox.ofsc.OfscSimulator;
import io.eventsync.sandbox.ofsc.OfscSimulatorSettings;
import io.eventsync.sandbox.ofsc.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One run's OFSC: the simulator with the variant's page latency, its subscriptions, and the backlog they
 * all see. A fresh one per run, so the event log holds this run's backlog only.
 */
final class IngestSimulator implements AutoCloseable {

    static final String EVENTS_PATH = "/rest/ofscCore/v1/events";
    private static final String SUBSCRIPTIONS_PATH = EVENTS_PATH + "/subscriptions";

    /**
     * The default mix makes events of ~280 B of JSON; this much padding brings the average to about
     * {@link BenchOptions#RECORD_SIZE}, the limit's record size.
     */
    private static final int PADDING_BYTES = 730;

    private final OfscSimulator simulator;
    private final JsonMapper json = JsonMapper.builder().build();

    private IngestSimulator(OfscSimulator simulator) {
        this.simulator = simulator;
    }

    /** The backlog is made by {@link #preload}; the simulator's own generator stays off. */
    static IngestSimulator start(Duration pageLatency) {
        return new IngestSimulator(OfscSimulator.start(OfscSimulatorSettings.builder()
                .port(0)
                .eventsPerSecond(0)
                .extraPayloadBytes(PADDING_BYTES)
                .responseLatency(pageLatency)
                .build()));
    }

    URI baseUrl() {
        return simulator.baseUrl();
    }

    OfscSimulatorSettings settings() {
        return simulator.settings();
    }

    /**
     * Creates subscriptions through OFSC's API, as an operator would before giving ingest their ids: each
     * to every event type of the mix, so each sees the whole backlog appended after it.
     */
    List<String> createSubscriptions(int count) {
        HttpClient http = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ObjectNode body = json.createObjectNode();
            body.put("subscriptionTitle", "bench " + i);
            settings().eventMix().keySet().forEach(body.putArray("events")::add);
            HttpRequest request = HttpRequest.newBuilder(baseUrl().resolve(SUBSCRIPTIONS_PATH))
                    .header("Authorization", basicAuthorization())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> answer = send(http, request);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The OFSC simulator refused to create a subscription: "
                        + answer.statusCode() + " " + new String(answer.body(), StandardCharsets.UTF_8));
            }
            ids.add(json.readTree(answer.body()).path("subscriptionId").stringValue());
        }
        return ids;
    }

    void preload(int events) {
        long before = simulator.appendedCount();
        simulator.generate(events);
        long appended = simulator.appendedCount() - before;
        if (appended != events) {
            throw new IllegalStateException("The OFSC simulator appended " + appended + " events, not " + events);
        }
    }

    /** The "Get events" requests of the given subscriptions, oldest first. */
    List<RecordedRequest> pageRequests(Set<String> subscriptionIds) {
        return simulator.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals(EVENTS_PATH)
                        && subscriptionIds.contains(r.query().get("subscriptionId")))
                .toList();
    }

    String clientId() {
        return settings().clients().keySet().iterator().next();
    }

    String clientSecret() {
        return settings().clients().get(clientId());
    }

    private String basicAuthorization() {
        String user = clientId() + "@" + settings().instanceName() + ":" + clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("The OFSC simulator did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating subscriptions", e);
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
