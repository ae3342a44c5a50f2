package io.eventsync.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.egress.EgressApplication;
import io.eventsync.egress.admin.TokenEndpoint;
import io.eventsync.egress.replay.ReplayCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.TopicReader;
import io.eventsync.testkit.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
 * Routes delivering OMi events to a webhook on loopback, through a real broker: rendered payloads in
 * order per key, a 4xx dead-lettered with its reason, 5xx retried until taken.
 */
@SpringBootTest(classes = EgressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + EgressApplication.CONFIG_NAME,
                "eventsync.egress.delivery.backoff-initial=50ms", "eventsync.egress.delivery.backoff-max=200ms",
                "eventsync.egress.delivery.max-attempts=4"})
class WebhookDeliveryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final WebhookTarget TARGET = new WebhookTarget();
    private static final String OPR = KafkaBroker.uniqueTopic("opr.events");
    private static final String OFSC = KafkaBroker.uniqueTopic("ofsc.events");
    private static final String DLQ = KafkaBroker.uniqueTopic("egress.dlq");
    private static final String REPLAY = KafkaBroker.uniqueTopic("egress.replay");
    private static final String EVENTS = "/api/v2/tenants/client_1/integrations/installed/INTG-sandbox";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    WebTestClient admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Brokers.shared().createTopic(OPR, 3);
        Brokers.shared().createTopic(OFSC, 3);
        registry.add("eventsync.kafka.bootstrap-servers", () -> Brokers.shared().bootstrapServers());
        registry.add("eventsync.egress.route-topic", () -> KafkaBroker.uniqueTopic("egress.routes"));
        registry.add("eventsync.egress.delivery.topics", () -> OPR + "," + OFSC);
        registry.add("eventsync.egress.delivery.dead-letter-topic", () -> DLQ);
        registry.add("eventsync.egress.delivery.replay-topic", () -> REPLAY);
        registry.add("eventsync.egress.allowlist", TARGET::hostAndPort);
        // A list binds from one source: the whole tenant is given here, replacing the sandbox default.
        registry.add("eventsync.egress.tenants[0].id", () -> "client_1");
        registry.add("eventsync.egress.tenants[0].integrations[0].id", () -> "INTG-sandbox");
        registry.add("eventsync.egress.tenants[0].integrations[0].base-notifier.type", () -> "REST_API");
        registry.add("eventsync.egress.tenants[0].integrations[0].base-notifier.authType", () -> "NONE");
        registry.add("eventsync.egress.tenants[0].integrations[0].base-notifier.baseURI", TARGET::url);
    }

    @AfterAll
    static void stopTarget() {
        TARGET.close();
    }

    @BeforeEach
    void client() {
        WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        String token = anonymous.post().uri(TokenEndpoint.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("client_id", "admin")
                        .with("client_secret", "admin-sandbox"))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody().path("access_token").asString();
        admin = anonymous.mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    @Test
    void eventsAreRenderedAndDeliveredInOrderPerKeyAndA4xxIsDeadLettered() {
        String marker = "order-" + System.nanoTime();
        AtomicInteger poisonAnswers = new AtomicInteger();
        TARGET.answer(body -> {
            if (body.contains("poison")) {
                poisonAnswers.incrementAndGet();
                return 422;
            }
            return 200;
        });
        String route = createRoute("/hooks/" + marker, "{\"text\":\"$alert.subject\",\"severity\":\"$alert.currentState\"}",
                "Contains", marker);

        Map<String, List<String>> sentByKey = new LinkedHashMap<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String key = "omi-" + (i % 7);
            String title = marker + " " + i + (i == 13 ? " poison" : "");
            records.add(oprEvent(key, title));
            if (i != 13) {
                sentByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(title);
            }
        }
        records.add(oprEvent("omi-x", "not for this route"));
        produce(records);

        await(() -> delivered(marker).size() >= 59, "59 deliveries");
        Map<String, List<String>> receivedByKey = new LinkedHashMap<>();
        for (JsonNode body : delivered(marker)) {
            String text = body.path("text").asString();
            int i = Integer.parseInt(text.substring(marker.length() + 1).split(" ")[0]);
            receivedByKey.computeIfAbsent("omi-" + (i % 7), k -> new ArrayList<>()).add(text);
        }
        assertThat(receivedByKey).isEqualTo(sentByKey);
        assertThat(delivered(marker)).allSatisfy(body ->
                assertThat(body.path("severity").asString()).isEqualTo("CRITICAL"));
        assertThat(poisonAnswers.get()).as("a 4xx is not retried").isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> dead = awaitDeadLetters(route, 1);
        ConsumerRecord<String, byte[]> letter = dead.get(0);
        assertThat(letter.key()).isEqualTo("omi-6");
        assertThat(header(letter, KafkaDeadLetters.STATUS)).isEqualTo("422");
        assertThat(header(letter, KafkaDeadLetters.REASON)).contains("HTTP 422");
        assertThat(header(letter, KafkaDeadLetters.SOURCE_TOPIC)).isEqualTo(OPR);
        assertThat(header(letter, "eventsync-source")).isEqualTo("omi");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("poison");
    }

    @Test
    void anAnswerOfSeveralHundredKilobytesIsReadAndWhatItTookIsNotSentAgain() {
        String marker = "large-" + System.nanoTime();
        TARGET.answer(body -> 200);
        // An OPR receiver's answer to a bulk of 500 echoes every event: well above Spring's 256 KB default.
        TARGET.replyPadding(600 * 1024);
        try {
            String route = createRoute("/hooks/" + marker, "{\"text\":\"$alert.subject\"}", "Starts with", marker);
            produce(List.of(oprEvent("omi-l1", marker + " one"), oprEvent("omi-l2", marker + " two")));

            await(() -> {
                Counter delivered = registry.find("eventsync.egress.delivered").tag("route", route).counter();
                return delivered != null && delivered.count() >= 2;
            }, "both counted delivered");
            assertThat(TARGET.received().stream().filter(r -> r.path().endsWith(marker))).hasSize(2);
        } finally {
            TARGET.replyPadding(0);
        }
    }

    @Test
    void serverErrorsAreRetriedUntilTheTargetTakesTheEvent() {
        String marker = "retry-" + System.nanoTime();
        Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        TARGET.answer(body -> tries.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet() <= 2 ? 503 : 200);
        createRoute("/hooks/" + marker, "{\"text\":\"$alert.subject\"}", "Starts with", marker);

        produce(List.of(oprEvent("omi-r1", marker + " one"), oprEvent("omi-r2", marker + " two")));

        await(() -> TARGET.received().stream().filter(r -> r.path().endsWith(marker)).count() >= 6,
                "three tries of each event");
        assertThat(tries.values()).extracting(AtomicInteger::get).containsOnly(3);
    }

    @Test
    void deadLettersReplayedAfterAFixReachTheirRouteAndNoOther() throws Exception {
        String marker = "replay-" + System.nanoTime();
        AtomicBoolean broken = new AtomicBoolean(true);
        TARGET.answer(body -> broken.get() && body.contains("\"to\":\"a\"") ? 400 : 200);
        String a = createRoute("/hooks/a-" + marker, "{\"text\":\"$alert.subject\",\"to\":\"a\"}", "Contains", marker);
        String b = createRoute("/hooks/b-" + marker, "{\"text\":\"$alert.subject\",\"to\":\"b\"}", "Contains", marker);
        produce(List.of(oprEvent("omi-p1", marker + " one"), oprEvent("omi-p2", marker + " two"),
                oprEvent("omi-p3", marker + " three")));
        awaitDeadLetters(a, 3);
        await(() -> delivered("b-" + marker).size() == 3, "route b took all three");
        broken.set(false);

        StringWriter dryRun = new StringWriter();
        assertThat(replay(dryRun, "--route", a, "--status", "400", "--dry-run")).isZero();
        assertThat(dryRun.toString()).contains("dry run: ").contains("3 selected for route " + a)
                .contains("0 replayed");
        assertThat(dryRun.toString().lines().filter(line -> line.startsWith("would replay"))).hasSize(3);
        assertThat(TopicReader.readToEnd(Brokers.shared().bootstrapServers(), REPLAY, new ByteArrayDeserializer()))
                .isEmpty();

        StringWriter replayed = new StringWriter();
        assertThat(replay(replayed, "--route", a, "--status", "400")).isZero();
        assertThat(replayed.toString()).contains("3 selected for route " + a).contains("3 replayed to " + REPLAY);

        // Route a's target saw each event twice: refused with 400 (not retried), then replayed and taken.
        await(() -> delivered("a-" + marker).size() == 6, "route a took the three replayed events");
        assertThat(delivered("a-" + marker).subList(3, 6)).extracting(body -> body.path("text").asString())
                .containsExactlyInAnyOrder(marker + " one", marker + " two", marker + " three");
        await(() -> committedToEnd("eventsync-egress." + b, REPLAY), "route b passed the replayed records");
        assertThat(delivered("b-" + marker)).hasSize(3);
    }

    private static int replay(StringWriter out, String... selection) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", Brokers.shared().bootstrapServers(),
                "--dead-letter-topic", DLQ, "--replay-topic", REPLAY));
        args.addAll(List.of(selection));
        return ReplayCommand.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
    }

    /** Whether {@code group} has committed every partition of {@code topic} up to its end. */
    private static boolean committedToEnd(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Brokers.shared().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().forEach(p ->
                    latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || (committed.containsKey(end.getKey())
                    && committed.get(end.getKey()).offset() >= end.getValue().offset()));
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String createRoute(String path, String template, String operator, String marker) {
        ObjectNode route = JSON.createObjectNode().put("name", "webhook " + marker).put("entity", "ALERT")
                .put("eventType", "CREATE").put("useBaseNotifier", true).put("endPointURI", path)
                .put("thirdPartyEventType", "POST")
                .put("payload", Base64.getEncoder().encodeToString(template.getBytes(StandardCharsets.UTF_8)));
        route.putObject("filterCriteria").put("matchType", "ALL").putArray("rules").addObject()
                .put("key", "Subject").put("operator", operator).put("value", marker);
        route.putArray("headers").addObject().put("key", "Content-Type").put("value", "application/json");
        JsonNode answer = admin.post().uri(EVENTS + "/event").contentType(MediaType.APPLICATION_JSON).bodyValue(route)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.path("status").asString()).isEqualTo("COMPLETE");
        return answer.path("id").asString();
    }

    private static List<JsonNode> delivered(String marker) {
        return TARGET.received().stream().filter(r -> r.path().endsWith(marker))
                .filter(r -> !r.body().contains("poison")).map(r -> JSON.readTree(r.body())).toList();
    }

    private static ProducerRecord<String, byte[]> oprEvent(String key, String title) {
        return OprEventRecords.event(OPR, key, title, "critical");
    }


    private static void produce(List<ProducerRecord<String, byte[]>> records) {
        TopicWriter.send(Brokers.shared().bootstrapServers(), records);
    }


    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String route, int count) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await(() -> {
            found.clear();
            TopicReader.readToEnd(Brokers.shared().bootstrapServers(), DLQ, new ByteArrayDeserializer()).stream()
                    .filter(r -> route.equals(header(r, KafkaDeadLetters.ROUTE))).forEach(found::add);
            return found.size() >= count;
        }, count + " dead letters of " + route);
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(condition, WAIT, what);
    }
}
