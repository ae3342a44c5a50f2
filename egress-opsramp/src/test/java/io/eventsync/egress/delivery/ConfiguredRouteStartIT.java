package io.eventsync.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.egress.EgressApplication;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A route given in configuration, on a fresh group: when the replica reports ready its start is
 * already in Kafka, so an event published that very moment is delivered, and nothing published
 * before the route existed is. Without that start, the consumer would pick "latest" only once
 * assigned, seconds later, and silently skip what came in between.
 */
@SpringBootTest(classes = EgressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + EgressApplication.CONFIG_NAME)
class ConfiguredRouteStartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final WebhookTarget TARGET = new WebhookTarget();
    private static final String OPR = KafkaBroker.uniqueTopic("opr.events");
    private static final String ROUTE = "configured-" + System.nanoTime();
    private static final String HOOK = "/hooks/" + ROUTE;
    private static final int PARTITIONS = 3;
    private static final int BEFORE = 30;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Brokers.shared().createTopic(OPR, PARTITIONS);
        // Published before the route exists: not the route's to deliver.
        TopicWriter.send(Brokers.shared().bootstrapServers(),
                IntStream.range(0, BEFORE).mapToObj(i -> alert("before-" + i)).toList());
        registry.add("eventsync.kafka.bootstrap-servers", () -> Brokers.shared().bootstrapServers());
        registry.add("eventsync.egress.route-topic", () -> KafkaBroker.uniqueTopic("egress.routes"));
        registry.add("eventsync.egress.delivery.topics", () -> OPR);
        registry.add("eventsync.egress.delivery.dead-letter-topic", () -> KafkaBroker.uniqueTopic("egress.dlq"));
        registry.add("eventsync.egress.delivery.replay-topic", () -> KafkaBroker.uniqueTopic("egress.replay"));
        registry.add("eventsync.egress.allowlist", TARGET::hostAndPort);
        registry.add("eventsync.egress.tenants[0].id", () -> "client_1");
        registry.add("eventsync.egress.tenants[0].integrations[0].id", () -> "INTG-sandbox");
        registry.add("eventsync.egress.tenants[0].integrations[0].base-notifier.type", () -> "REST_API");
        registry.add("eventsync.egress.tenants[0].integrations[0].base-notifier.authType", () -> "NONE");
        registry.add("eventsync.egress.tenants[0].integrations[0].base-notifier.baseURI", TARGET::url);
        String route = "eventsync.egress.routes[0].";
        Map.of("tenant", "client_1", "integration", "INTG-sandbox", "id", ROUTE,
                        "definition.name", "alerts from configuration", "definition.entity", "ALERT",
                        "definition.eventType", "NONE", "definition.useBaseNotifier", "true",
                        "definition.endPointURI", HOOK, "definition.thirdPartyEventType", "POST",
                        "definition.delivery.kind", "WEBHOOK")
                .forEach((name, value) -> registry.add(route + name, () -> value));
        registry.add(route + "definition.payload", () -> Base64.getEncoder()
                .encodeToString("{\"text\":\"$alert.subject\"}".getBytes(StandardCharsets.UTF_8)));
        registry.add(route + "definition.headers[0].key", () -> "Content-Type");
        registry.add(route + "definition.headers[0].value", () -> "application/json");
    }

    @AfterAll
    static void stopTarget() {
        TARGET.close();
    }

    @Test
    void whenReadyTheRouteStartsAtTheEndInKafkaAndDeliversWhatIsPublishedAtOnce() throws Exception {
        WebTestClient probe = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        Await.until(() -> probe.get().uri("/actuator/health/readiness").exchange().returnResult(String.class)
                .getStatus().value() == 200, WAIT, "egress ready");

        Map<TopicPartition, OffsetAndMetadata> committed;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Brokers.shared().bootstrapServers()))) {
            committed = admin.listConsumerGroupOffsets("eventsync-egress." + ROUTE).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
        }
        List<TopicPartition> partitions = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(OPR, p))
                .toList();
        assertThat(committed).as("the route's start, in Kafka when ready").containsKeys(
                partitions.toArray(TopicPartition[]::new));
        assertThat(partitions.stream().mapToLong(p -> committed.get(p).offset()).sum()).isEqualTo(BEFORE);

        List<String> after = IntStream.range(0, 12).mapToObj(i -> "after-" + i).toList();
        TopicWriter.send(Brokers.shared().bootstrapServers(), after.stream().map(ConfiguredRouteStartIT::alert).toList());

        Await.until(() -> delivered().containsAll(after), WAIT, "the events published once ready");
        assertThat(delivered()).noneMatch(text -> text.startsWith("before-"));
    }

    private static List<String> delivered() {
        return TARGET.received().stream().filter(r -> r.path().equals(HOOK))
                .map(r -> JSON.readTree(r.body()).path("text").asString()).toList();
    }

    private static ProducerRecord<String, byte[]> alert(String title) {
        return OprEventRecords.event(OPR, title, title, "major");
    }
}
