package io.eventsync.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.egress.EgressApplication;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.ForkedJvm;
import io.eventsync.testkit.KafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Egress SIGKILLed while a route is delivering, and started again: every event still reaches the
 * target (at-least-once), and each key's events arrive in order. What was delivered but not yet
 * committed when the process died is delivered again, and counted.
 */
class EgressCrashIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int EVENTS = 2_000;
    private static final int KEYS = 20;

    private final String opr = KafkaBroker.uniqueTopic("opr.events");
    private final String ofsc = KafkaBroker.uniqueTopic("ofsc.events");
    private final String routes = KafkaBroker.uniqueTopic("egress.routes");

    @Test
    void killedMidDeliveryAndRestartedEveryEventArrivesInOrderPerKey() throws Exception {
        Brokers.shared().createTopic(opr, 3);
        Brokers.shared().createTopic(ofsc, 3);
        Path log = Files.createTempFile("egress-crash-", ".log");
        try (WebhookTarget target = new WebhookTarget()) {
            target.latency(Duration.ofMillis(5));
            int port = freePort();
            List<String> arguments = arguments(port, target);
            ForkedJvm egress = ForkedJvm.start(EgressApplication.class, arguments, log);
            try {
                awaitReady(port);
                createRoute(port, token(port));
                produce();

                Await.until(() -> target.received().size() >= EVENTS / 4, WAIT, "a quarter of the events");
                egress.kill();
                int beforeKill = target.received().size();
                egress = ForkedJvm.start(EgressApplication.class, arguments, log);

                Await.until(() -> titles(target).size() >= EVENTS, WAIT, "every event at the target");
                List<String> received = target.received().stream().map(r -> JSON.readTree(r.body()).path("text")
                        .asString()).toList();
                System.out.printf("egress crash: events=%d received=%d (before kill %d) delivered again=%d%n",
                        EVENTS, received.size(), beforeKill, received.size() - titles(target).size());
                assertThat(titles(target)).hasSize(EVENTS);
                assertInOrderPerKey(received);
            } finally {
                egress.close();
            }
        }
    }

    /** Per key, the events' first arrivals are in the order they were produced. */
    private static void assertInOrderPerKey(List<String> received) {
        Map<Integer, List<Integer>> firstArrivals = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String title : received) {
            if (seen.add(title)) {
                int i = Integer.parseInt(title.substring("crash ".length()));
                firstArrivals.computeIfAbsent(i % KEYS, k -> new ArrayList<>()).add(i);
            }
        }
        firstArrivals.values().forEach(sequence -> assertThat(sequence).isSorted());
    }

    private static Set<String> titles(WebhookTarget target) {
        Set<String> titles = new LinkedHashSet<>();
        target.received().forEach(r -> titles.add(JSON.readTree(r.body()).path("text").asString()));
        return titles;
    }

    private List<String> arguments(int port, WebhookTarget target) {
        return List.of(
                "--server.port=" + port,
                "--eventsync.kafka.bootstrap-servers=" + Brokers.shared().bootstrapServers(),
                "--eventsync.egress.route-topic=" + routes,
                "--eventsync.egress.delivery.topics=" + opr + "," + ofsc,
                "--eventsync.egress.delivery.dead-letter-topic=" + KafkaBroker.uniqueTopic("egress.dlq"),
                "--eventsync.egress.allowlist=" + target.hostAndPort(),
                "--eventsync.egress.tenants[0].id=client_1",
                "--eventsync.egress.tenants[0].integrations[0].id=INTG-sandbox",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.type=REST_API",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.authType=NONE",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.baseURI=" + target.url());
    }

    private void produce() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Brokers.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                String key = "omi-" + (i % KEYS);
                ObjectNode value = JSON.createObjectNode().put("kind", "event").put("omi_event_id", key);
                value.putObject("event").put("id", key).put("title", "crash " + i);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(opr, key, JSON.writeValueAsBytes(value));
                record.headers().add("eventsync-source", "omi".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static void createRoute(int port, String token) throws Exception {
        ObjectNode route = JSON.createObjectNode().put("name", "crash").put("entity", "ALERT")
                .put("eventType", "CREATE").put("useBaseNotifier", true).put("endPointURI", "/hooks/crash")
                .put("payload", Base64.getEncoder().encodeToString("{\"text\":\"$alert.subject\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v2/tenants/client_1/integrations/installed/INTG-sandbox/event"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(route.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static String token(int port) throws Exception {
        String form = "grant_type=client_credentials&client_id=admin&client_secret="
                + URLEncoder.encode("admin-sandbox", StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/auth/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        return body.path("access_token").asString();
    }

    private static void awaitReady(int port) {
        HttpClient client = HttpClient.newHttpClient();
        Await.until(() -> {
            try {
                return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, WAIT, "egress to be ready on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
