package io.eventsync.sandbox.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.topic.ExternalIds;
import io.eventsync.egress.EgressApplication;
import io.eventsync.sandbox.omi.OmiSimulator;
import io.eventsync.sandbox.omi.OmiSimulatorSettings;
import io.eventsync.sandbox.receiver.ReceiverSimulator;
import io.eventsync.sandbox.receiver.ReceiverSimulatorSettings;
import io.eventsync.sandbox.receiver.RecordedRequest;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One test's world for egress: the shared broker with topics of its own, the receiver simulator,
 * and the real egress application in this JVM, driven through its admin API as an operator would.
 */
final class EgressTestBed implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EVENTS = "/api/v2/tenants/client_1/integrations/installed/INTG-sandbox";

    final KafkaBroker broker = Brokers.shared();
    final String opr = KafkaBroker.uniqueTopic("opr.events");
    final String ofsc = KafkaBroker.uniqueTopic("ofsc.events");
    final String deadLetters = KafkaBroker.uniqueTopic("egress.dlq");
    final String syncBack = KafkaBroker.uniqueTopic("opr.sync-back");
    final ReceiverSimulator receiver;
    /** OMi, for sync-back: connected server {@code omi} / {@code omi-sandbox}. */
    final OmiSimulator omi;
    private final ConfigurableApplicationContext egress;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    EgressTestBed(ReceiverSimulatorSettings receiverSettings) {
        broker.createTopic(opr, 3);
        broker.createTopic(ofsc, 3);
        broker.createTopic(syncBack, 3);
        receiver = ReceiverSimulator.start(receiverSettings);
        omi = OmiSimulator.start(OmiSimulatorSettings.builder().port(0).connectedServers(Map.of("omi", "omi-sandbox"))
                .build());
        String receiverHost = "127.0.0.1:" + receiver.port();
        egress = EgressApplication.application().run(
                "--server.port=0",
                "--eventsync.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--eventsync.egress.route-topic=" + KafkaBroker.uniqueTopic("egress.routes"),
                "--eventsync.egress.delivery.topics=" + opr + "," + ofsc,
                "--eventsync.egress.delivery.dead-letter-topic=" + deadLetters,
                "--eventsync.egress.delivery.backoff-initial=50ms",
                "--eventsync.egress.delivery.backoff-max=500ms",
                "--eventsync.egress.delivery.replay-topic=" + KafkaBroker.uniqueTopic("egress.replay"),
                "--eventsync.egress.delivery.lag-interval=500ms",
                "--eventsync.egress.allowlist=" + receiverHost + ",localhost:" + receiver.port() + ",127.0.0.1:"
                        + omi.port(),
                "--eventsync.egress.sync-back.enabled=true",
                "--eventsync.egress.sync-back.topic=" + syncBack,
                "--eventsync.egress.sync-back.events-topic=" + opr,
                "--eventsync.egress.sync-back.group=" + KafkaBroker.uniqueTopic("sync-back"),
                "--eventsync.egress.sync-back.lookup-wait=2s",
                "--eventsync.egress.sync-back.connected-servers[0].name=omi",
                "--eventsync.egress.sync-back.connected-servers[0].password=omi-sandbox",
                "--eventsync.egress.sync-back.connected-servers[0].url=" + omi.baseUrl(),
                "--eventsync.egress.tenants[0].id=client_1",
                "--eventsync.egress.tenants[0].integrations[0].id=INTG-sandbox",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.type=REST_API",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.authType=NONE",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.baseURI=http://" + receiverHost);
        base = "http://127.0.0.1:" + egress.getEnvironment().getRequiredProperty("local.server.port");
        token = token();
    }

    String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.port() + path;
    }

    /** Creates a route and answers what the API said. */
    JsonNode defineRoute(ObjectNode route) {
        return call("POST", EVENTS + "/event", route, 200);
    }

    /** Creates a route and returns its id; it must be COMPLETE, i.e. delivering. */
    String createRoute(ObjectNode route) {
        JsonNode answer = defineRoute(route);
        assertThat(answer.path("status").asString()).as(answer.toString()).isEqualTo("COMPLETE");
        return answer.path("id").asString();
    }

    JsonNode updateRoute(String id, ObjectNode route) {
        return call("PUT", EVENTS + "/event/" + id, route, 200);
    }

    void deleteRoute(String id) {
        call("DELETE", EVENTS + "/event/" + id, null, 204);
    }

    /** The routes delivering now, each with the version it runs (health component "delivery"). */
    Map<String, String> delivering() {
        JsonNode details = get("/actuator/health").path("components").path("delivery").path("details");
        Map<String, String> versions = new TreeMap<>();
        details.properties().forEach(entry -> versions.put(entry.getKey(), entry.getValue().asString()));
        return versions;
    }

    /** A gauge of the routes by status ({@code eventsync_egress_routes}), or -1 when it is not there. */
    double routes(String status) {
        String prefix = "eventsync_egress_routes{";
        return prometheus().lines().filter(line -> line.startsWith(prefix) && line.contains("status=\"" + status + "\""))
                .mapToDouble(EgressTestBed::value).findFirst().orElse(-1);
    }

    /** A gauge or counter of one route from {@code /actuator/prometheus}, or -1 when it is not there. */
    double metric(String name, String route) {
        String prefix = name + "{";
        String tag = "route=\"" + route + "\"";
        return prometheus().lines().filter(line -> line.startsWith(prefix) && line.contains(tag))
                .mapToDouble(EgressTestBed::value).findFirst().orElse(-1);
    }

    private String prometheus() {
        return send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build()).body();
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    static ObjectNode route(String name, String entity, String eventType) {
        return JSON.createObjectNode().put("name", name).put("entity", entity).put("eventType", eventType);
    }

    /** A webhook route on ALERT CREATE whose payload is {@code {"text": subject, "key": id}}. */
    static ObjectNode webhook(String name, String path, ObjectNode notifier) {
        ObjectNode route = route(name, "ALERT", "CREATE").put("endPointURI", path).put("thirdPartyEventType", "POST")
                .put("payload", base64("{\"text\":\"$alert.subject\",\"key\":\"$alert.id\"}"));
        route.set("notifier", notifier);
        route.putArray("headers").addObject().put("key", "Content-Type").put("value", "application/json");
        return route;
    }

    /** A REST notifier whose base is the receiver simulator. */
    static ObjectNode notifier(EgressTestBed bed, String authType) {
        return JSON.createObjectNode().put("type", "REST_API").put("authType", authType)
                .put("baseURI", bed.receiverUrl(""));
    }

    /** How many different bodies the receiver took (2xx) on {@code path}. */
    static long taken(EgressTestBed bed, String path) {
        return bed.receiver.requestsTo(path).stream().filter(r -> r.status() >= 200 && r.status() < 300)
                .map(RecordedRequest::bodyText).distinct().count();
    }

    static List<String> bodies(EgressTestBed bed, String path) {
        return bed.receiver.requestsTo(path).stream().map(RecordedRequest::bodyText).toList();
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    void produce(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** An {@code opr.events} record of kind event, as the gateway writes it. */
    ProducerRecord<String, byte[]> omiEvent(String omiId, String title) {
        return omiEvent(omiId, title, "major");
    }

    /** An {@code opr.events} record of kind event with the given OMi severity. */
    ProducerRecord<String, byte[]> omiEvent(String omiId, String title, String severity) {
        ObjectNode value = JSON.createObjectNode().put("schema", "eventsync.opr-record/v1").put("kind", "event")
                .put("connected_server", "omi").put("omi_event_id", omiId).put("external_id", externalId(omiId));
        value.putObject("event").put("id", omiId).put("title", title).put("severity", severity).put("state", "open");
        return record(omiId, value, "event");
    }

    /** The external id the gateway gives an OMi event of connected server {@code omi}. */
    static String externalId(String omiId) {
        return ExternalIds.of("omi", omiId);
    }

    /** An {@code opr.events} record of kind event_change closing the event. */
    ProducerRecord<String, byte[]> omiClose(String omiId) {
        ObjectNode value = JSON.createObjectNode().put("schema", "eventsync.opr-record/v1").put("kind", "event_change")
                .put("connected_server", "omi").put("omi_event_id", omiId);
        ObjectNode change = value.putObject("event_change").put("id", "change-" + omiId);
        change.putObject("event_ref").put("target_id", omiId);
        change.putObject("changed_properties").putObject("state_property_change").put("property_name", "state")
                .put("current_value", "closed").put("previous_value", "open");
        return record(omiId, value, "event_change");
    }

    private ProducerRecord<String, byte[]> record(String key, ObjectNode value, String kind) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(opr, key, JSON.writeValueAsBytes(value));
        record.headers().add("eventsync-source", "omi".getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventsync-kind", kind.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private String token() {
        String form = "grant_type=client_credentials&client_id=admin&client_secret="
                + URLEncoder.encode("admin-sandbox", StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/auth/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return JSON.readTree(send(request).body()).path("access_token").asString();
    }

    private JsonNode get(String path) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + path)).build()).body());
    }

    private JsonNode call(String method, String path, ObjectNode body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> answer = send(request);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
        return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        egress.close();
        receiver.close();
        omi.close();
    }
}
