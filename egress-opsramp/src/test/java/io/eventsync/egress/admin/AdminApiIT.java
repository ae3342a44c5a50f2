package io.eventsync.egress.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.egress.EgressApplication;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.TopicReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API over HTTP against a real broker: seed 002's samples answered as the seed shows,
 * tokens as OpsRamp issues them, problems naming their fields, and routes kept (sealed) in the
 * route topic.
 */
@SpringBootTest(classes = EgressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + EgressApplication.CONFIG_NAME)
@ExtendWith(OutputCaptureExtension.class)
class AdminApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROUTE_TOPIC = KafkaBroker.uniqueTopic("egress.routes");
    private static final String EVENTS = "/api/v2/tenants/client_1/integrations/installed/INTG-sandbox";

    @LocalServerPort
    int port;

    WebTestClient anonymous;
    WebTestClient admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        adminApp(registry, ROUTE_TOPIC);
    }

    /** The app as the admin API tests run it: the shared broker, its own routes topic, one configured route. */
    static void adminApp(DynamicPropertyRegistry registry, String routeTopic) {
        registry.add("eventsync.kafka.bootstrap-servers", () -> Brokers.shared().bootstrapServers());
        registry.add("eventsync.egress.route-topic", () -> routeTopic);
        registry.add("server.port", () -> "0");
        registry.add("eventsync.egress.delivery.topics", () -> KafkaBroker.uniqueTopic("none"));
        registry.add("eventsync.egress.routes[0].tenant", () -> "client_1");
        registry.add("eventsync.egress.routes[0].integration", () -> "INTG-sandbox");
        registry.add("eventsync.egress.routes[0].id", () -> "configured-alerts");
        registry.add("eventsync.egress.routes[0].definition.name", () -> "alerts from configuration");
        registry.add("eventsync.egress.routes[0].definition.entity", () -> "ALERT");
        registry.add("eventsync.egress.routes[0].definition.eventType", () -> "NONE");
        registry.add("eventsync.egress.routes[0].definition.useBaseNotifier", () -> "true");
    }

    @BeforeEach
    void clients() {
        anonymous = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        String token = token("admin", "admin-sandbox").path("access_token").asString();
        admin = anonymous.mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    @Test
    void theSeedsSampleIsAnsweredAsTheSeedShowsAndMarkedIncomplete() {
        JsonNode answer = create(seed("create-event"));

        assertThat(answer.path("id").asString()).matches("INTG-EVENT-[0-9a-f-]{36}");
        assertThat(answer.path("name").asString()).isEqualTo("Create event");
        assertThat(answer.path("entity").asString()).isEqualTo("INCIDENT");
        assertThat(answer.path("notifier").path("baseURI").asString()).isEqualTo("www.google.com/update");
        assertThat(answer.path("notifier").path("userName").asString()).isEqualTo("testUser");
        assertThat(answer.path("notifier").has("password")).isFalse();
        assertThat(answer.path("eventPayload").asString()).startsWith("{\r\n\"subject\":\"$incident.subject\"");
        assertThat(answer.path("status").asString()).isEqualTo("INCOMPLETE");
        assertThat(answer.path("incompleteFields").toString()).contains("/notifier/apiKey");
    }

    @Test
    void everySampleOfTheSeedIsAccepted() {
        for (String sample : List.of("create-event", "create-event-with-filter", "create-alert-event")) {
            assertThat(create(seed(sample)).path("id").asString()).startsWith("INTG-EVENT-");
        }
    }

    @Test
    void aRouteIsListedReadUpdatedAndDeleted() {
        String id = create(seed("create-event-with-filter")).path("id").asString();

        JsonNode listed = admin.get().uri(EVENTS + "/events").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(listed.path("results").findValuesAsString("id")).contains(id);

        ObjectNode completed = seed("create-event-with-filter");
        ((ObjectNode) completed.get("notifier")).put("grantType", "PASSWORD").put("apiKey", "key")
                .put("apiSecret", "api-secret-4711").put("accessTokenURL", "https://auth.example.com/token")
                .remove("password");
        completed.put("name", "renamed");
        JsonNode updated = admin.put().uri(EVENTS + "/event/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(completed).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(updated.path("name").asString()).isEqualTo("renamed");
        assertThat(updated.path("status").asString()).as("the stored password was kept").isEqualTo("COMPLETE");

        admin.get().uri(EVENTS + "/event/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("renamed");
        admin.delete().uri(EVENTS + "/event/" + id).exchange().expectStatus().isNoContent();
        admin.get().uri(EVENTS + "/event/" + id).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aRouteFromConfigurationIsServedButCanOnlyBeChangedThere() {
        admin.get().uri(EVENTS + "/event/configured-alerts").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("alerts from configuration")
                .jsonPath("$.status").isEqualTo("COMPLETE");
        assertThat(routes()).contains("configured-alerts");
        admin.put().uri(EVENTS + "/event/configured-alerts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(seed("create-event")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat(detail.toString()).contains("eventsync.egress.routes"));
        admin.delete().uri(EVENTS + "/event/configured-alerts").exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void plainlyWrongFieldsAre400ProblemsNamingEachField() {
        ObjectNode wrong = seed("create-event");
        wrong.put("entity", "COMPUTER").put("payload", "%%%");
        admin.post().uri(EVENTS + "/event").contentType(MediaType.APPLICATION_JSON).bodyValue(wrong)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:eventsync:problem:invalid-field")
                .jsonPath("$.errors[0].pointer").isEqualTo("/entity")
                .jsonPath("$.errors[1].pointer").isEqualTo("/payload");
        admin.post().uri(EVENTS + "/event").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownTenantOrIntegrationIs404() {
        admin.post().uri("/api/v2/tenants/client_9/integrations/installed/INTG-sandbox/event")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(seed("create-event"))
                .exchange().expectStatus().isNotFound();
        admin.get().uri("/api/v2/tenants/client_1/integrations/installed/INTG-other/events")
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void theFrameworksOwnRefusalsAreProblemsWithTheHeadersTheirStatusCallsFor() {
        anonymous.get().uri(EVENTS + "/events").headers(h -> h.setBearerAuth("not-a-token")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*invalid_token.*")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.type")
                .isEqualTo("urn:eventsync:problem:unauthorized");
        admin.patch().uri(EVENTS + "/event/x").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().exists("Allow")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(405);
        admin.post().uri(EVENTS + "/event").contentType(MediaType.TEXT_PLAIN).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:eventsync:problem:unsupported-media-type");
        admin.get().uri("/api/v3/nothing-here").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        admin.post().uri(EVENTS + "/event").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"\u00c0\"}".getBytes(StandardCharsets.ISO_8859_1)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:eventsync:problem:unreadable-body")
                .jsonPath("$.errors[0].detail").value(detail -> assertThat(detail.toString())
                        .contains("not well-formed UTF-8").contains("at byte 9"));
    }

    @Test
    void withoutAGoodTokenNothingButTheTokenCallAndProbesIsServed(CapturedOutput output) {
        anonymous.get().uri(EVENTS + "/events").exchange().expectStatus().isUnauthorized();
        anonymous.get().uri(EVENTS + "/events").headers(h -> h.setBearerAuth("not-a-token"))
                .exchange().expectStatus().isUnauthorized();
        JsonNode refused = token("admin", "not-the-secret-5521");
        assertThat(refused.path("error").asString()).isEqualTo("invalid_client");
        anonymous.post().uri(TokenEndpoint.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "password").with("client_id", "admin")
                        .with("client_secret", "admin-sandbox"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error")
                .isEqualTo("unsupported_grant_type");
        anonymous.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        assertThat(output.getAll()).doesNotContain("not-the-secret-5521").doesNotContain("admin-sandbox");
    }

    @Test
    void secretsAreSealedInTheRouteTopicAndNeverEchoed(CapturedOutput output) {
        ObjectNode request = seed("create-event");
        ((ObjectNode) request.get("notifier")).put("password", "notifier-pass-8812").put("apiSecret", "api-sec-8812");
        request.putArray("headers").addObject().put("key", "Authorization").put("value", "Bearer tok-8812");

        JsonNode answer = create(request);

        assertThat(answer.toString()).doesNotContain("8812");
        List<ConsumerRecord<String, byte[]>> stored = TopicReader.readToEnd(Brokers.shared().bootstrapServers(),
                ROUTE_TOPIC, new ByteArrayDeserializer());
        String value = stored.stream().filter(r -> r.key().endsWith(answer.path("id").asString()))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        assertThat(value).contains("sealed:v1:").doesNotContain("8812");
        assertThat(output.getAll()).doesNotContain("8812");
    }

    @Test
    void theDryRunShowsWhatARouteWouldSendForOneEventAndStoresNothing() {
        ObjectNode dryRun = JSON.createObjectNode();
        dryRun.set("integrationEvent", seed("create-event-with-filter"));
        dryRun.put("source", "omi");
        ObjectNode record = dryRun.putObject("record").put("schema", "eventsync.opr-record/v1").put("kind", "event")
                .put("omi_event_id", "4b3e");
        record.putObject("event").put("id", "4b3e").put("title", "test \"quoted\" subject").put("priority", "high");
        int routesBefore = routes().size();

        JsonNode answer = render(dryRun);

        assertThat(answer.path("selected").asBoolean()).isTrue();
        assertThat(answer.path("entities").toString()).contains("\"ALERT\"").contains("\"INCIDENT\"");
        assertThat(answer.path("status").asString()).isEqualTo("INCOMPLETE");
        JsonNode request = answer.path("request");
        assertThat(request.path("method").asString()).isEqualTo("POST");
        assertThat(request.path("url").asString()).isEqualTo("https://www.google.com/update");
        // The seed's template is not valid JSON (a comma is missing), so the body is checked as text.
        assertThat(request.path("body").asString()).contains("\"subject\":\"test \\\"quoted\\\" subject\"")
                .contains("\"priority\":\"High\"");
        assertThat(routes()).hasSize(routesBefore);

        ((ObjectNode) dryRun.get("record").get("event")).put("title", "nothing to see");
        assertThat(render(dryRun).path("selected").asBoolean()).as("the filter holds it back").isFalse();
        dryRun.put("source", "smtp");
        admin.post().uri(EVENTS + "/event/render").contentType(MediaType.APPLICATION_JSON).bodyValue(dryRun)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].pointer")
                .isEqualTo("/source");
    }

    private JsonNode render(ObjectNode dryRun) {
        return admin.post().uri(EVENTS + "/event/render").contentType(MediaType.APPLICATION_JSON).bodyValue(dryRun)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private List<String> routes() {
        return admin.get().uri(EVENTS + "/events").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("results").findValuesAsString("id");
    }

    private JsonNode create(ObjectNode request) {
        return admin.post().uri(EVENTS + "/event").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode token(String clientId, String secret) {
        return anonymous.post().uri(TokenEndpoint.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("client_id", clientId)
                        .with("client_secret", secret))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static ObjectNode seed(String name) {
        try (InputStream in = AdminApiIT.class.getResourceAsStream("/seed002/" + name + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
