package io.eventsync.sandbox.receiver;

import static io.eventsync.sandbox.receiver.OprSamples.answeredEvents;
import static io.eventsync.sandbox.receiver.OprSamples.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Starting and closing, the request log and its status page, and many deliveries at once. */
class ReceiverLifecycleIT extends ReceiverFixture {

    @Test
    void closingStopsAnsweringAndFreesThePort() throws IOException {
        ReceiverSimulator other = ReceiverSimulator.start(ReceiverSimulatorSettings.builder().port(0).build());
        int port = other.port();
        assertThat(other.baseUrl().toString()).isEqualTo("http://localhost:" + port);
        assertThat(other.oprBaseUrl().toString()).isEqualTo("http://localhost:" + port + "/opr");

        other.close();
        other.close();

        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void theStatusPageCountsRequestsPerPrefixAndShowsTheLastOnesWithoutSecrets() {
        client.postJson("/opr/event", json(OprSamples.event("omi-1", 1)));
        client.as(ReceiverClient.basic("webhook", "webhook-sandbox")).postJson("/hooks/basic/a", "{}");
        client.postJson("/hooks/open/b", "{}");
        client.token("/oauth/token", "grant_type=client_credentials&client_id=eventsync&client_secret=oauth-sandbox");
        simulator.faults("/opr").failNext(3, 503);

        ReceiverClient.Reply reply = client.get("/sim/status");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode status = reply.json();
        assertThat(status.get("requests").get("/opr").longValue()).isEqualTo(1);
        assertThat(status.get("requests").get("/hooks").longValue()).isEqualTo(2);
        assertThat(status.get("requests").get("/oauth").longValue()).isEqualTo(1);
        assertThat(status.get("opr").get("eventsReceived").intValue()).isEqualTo(1);
        assertThat(status.get("tokensIssued").get("hooks").get("client_credentials").longValue()).isEqualTo(1);
        assertThat(status.get("faultsPending").get("/opr").longValue()).isEqualTo(3);
        assertThat(status.get("lastRequests")).extracting(item -> item.get("path").stringValue())
                .containsExactly("/oauth/token", "/hooks/open/b", "/hooks/basic/a", "/opr/event");
        assertThat(status.get("lastRequests").get(2).get("authorization").stringValue()).isEqualTo("Basic webhook");
        assertThat(reply.body()).doesNotContain("webhook-sandbox", "oauth-sandbox");
    }

    @Test
    void requestsToFiltersByPrefixAndClearForgetsRecordingsButNotStoredEvents() {
        String externalId = answeredEvents(client.postJson("/opr/event", json(OprSamples.event("omi-1", 1))))
                .get(0).id();
        client.postJson("/hooks/open/x", "{\"a\": 1}");

        assertThat(simulator.requestsTo("/hooks/")).singleElement().satisfies(request -> {
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.header("content-type")).isEqualTo("application/json");
            assertThat(request.bodyText()).isEqualTo("{\"a\": 1}");
        });
        assertThat(simulator.requests()).extracting(RecordedRequest::path).containsExactly("/opr/event", "/hooks/open/x");

        simulator.clear();

        assertThat(simulator.requests()).isEmpty();
        assertThat(simulator.eventsReceived()).isEmpty();
        assertThat(client.get("/opr/event/" + externalId).status()).isEqualTo(200);
    }

    @Test
    void manyConcurrentBulksAreEachAcceptedWholeWithDistinctExternalIds() {
        int bulks = 24;
        int perBulk = 10;
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int b = 0; b < bulks; b++) {
            int first = b * perBulk;
            List<OprEvent> events = OprSamples.events(first, perBulk);
            HttpRequest request = client.request("/opr/event").header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(OprSamples.write(new OprEventList(events), OprFormat.XML)))
                    .build();
            answers.add(client.http().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }

        Set<String> externalIds = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).isEqualTo(200);
            List<OprEvent> answered = ((OprEventList) OprSamples.CODEC.read(
                    response.body().getBytes(StandardCharsets.UTF_8), OprFormat.XML, OprCodec.Expect.EVENTS)).event();
            assertThat(answered).hasSize(perBulk);
            answered.forEach(event -> externalIds.add(event.id()));
        }

        assertThat(externalIds).hasSize(bulks * perBulk);
        assertThat(simulator.eventsReceived()).hasSize(bulks * perBulk);
        assertThat(simulator.requestsTo("/opr")).hasSize(bulks).allSatisfy(request ->
                assertThat(request.status()).isEqualTo(200));
    }
}
