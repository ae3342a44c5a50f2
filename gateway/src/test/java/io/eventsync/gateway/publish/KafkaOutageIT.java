package io.eventsync.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprCodec.Expect;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.OmiSide;
import io.eventsync.simulators.omi.ForwardingSettings.EventRefStyle;
import io.eventsync.simulators.omi.ForwardingTally;
import io.eventsync.simulators.omi.OmiForwarder;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.WireFormat;
import io.eventsync.gateway.support.TopicReader;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.RestartableKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The broker goes away under the gateway. A single event hears 503 with Retry-After, a bulk 200 listing only
 * what Kafka acknowledged (OMi resends the rest as a bulk); never a 2xx for an item Kafka does not hold, and
 * the gateway recovers by itself when Kafka is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaOutageIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("outage");
    private static RestartableKafkaBroker broker;
    private final OprCodec codec = OprCodec.withDefaults();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        broker = Brokers.dedicated();
        broker.createTopic(TOPIC, 3);
        gatewayProperties(registry, broker, TOPIC);
        registry.add("eventsync.gateway.publish-timeout", () -> "2s");
        registry.add("eventsync.gateway.retry-after", () -> "3s");
        registry.add("eventsync.kafka.admin-timeout", () -> "1s");
        // Shorter than the outage below: a gateway that answered before the broker acknowledged
        // would see such records expire in the producer and lose them, and this test would fail.
        registry.add("eventsync.kafka.producer.request.timeout.ms", () -> "3000");
        registry.add("eventsync.kafka.producer.delivery.timeout.ms", () -> "4000");
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    @Order(1)
    void whileKafkaIsDownOmiHears503WithRetryAfterAndTheGatewayRecoversByItself() {
        post("<event><id>" + UUID.randomUUID() + "</id></event>").expectStatus().isOk();

        broker.stop();
        post("<event><id>" + UUID.randomUUID() + "</id></event>")
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "3")
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/problem+xml"))
                .expectBody(String.class).value(body -> assertThat(body).contains("kafka-unavailable"));
        awaitStatus(() -> omi.head().uri("").exchange().returnResult(Void.class).getStatus().value(), 503);
        omi.head().uri("").exchange().expectHeader().valueEquals("Retry-After", "3");
        awaitStatus(() -> anonymous.mutate().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/actuator/health/readiness").exchange().returnResult(Void.class).getStatus().value(), 503);

        broker.start();
        String omiId = UUID.randomUUID().toString();
        awaitStatus(() -> post("<event><id>" + omiId + "</id></event>").returnResult(Void.class).getStatus().value(),
                200);
        awaitStatus(() -> omi.head().uri("").exchange().returnResult(Void.class).getStatus().value(), 200);
    }

    @Test
    @Order(2)
    void brokerKilledMidBulkLosesNothingThatOmiWasToldIsAccepted() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger acceptedBeforeKill = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            senders.submit(() -> {
                while (running.get()) {
                    sendBulk(http, acknowledged, refused);
                }
                return null;
            });
        }

        Thread.sleep(2000);
        acceptedBeforeKill.set(acknowledged.size());
        broker.kill();
        Thread.sleep(6000);
        int refusedDuringOutage = refused.get();
        broker.start();
        Thread.sleep(3000);
        running.set(false);
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Set<String> onTopic = TopicReader.readToEnd(broker.bootstrapServers(), TOPIC).stream()
                .map(r -> r.key()).collect(Collectors.toSet());
        System.out.printf("outage: acknowledged=%d (before kill %d), refused bulks=%d, on topic=%d, missing=%d%n",
                acknowledged.size(), acceptedBeforeKill.get(), refused.get(), onTopic.size(),
                acknowledged.stream().filter(id -> !onTopic.contains(id)).count());
        assertThat(acceptedBeforeKill.get()).as("items acknowledged before the kill").isPositive();
        assertThat(refusedDuringOutage).as("bulks refused while the broker was down").isPositive();
        assertThat(acknowledged.size()).as("items acknowledged overall").isGreaterThan(acceptedBeforeKill.get());
        assertThat(onTopic).as("every item OMi was told is accepted is on the topic").containsAll(acknowledged);
    }

    @Test
    @Order(3)
    void aBulkForwardedWhileKafkaIsDownComesBackAsABulkNeverAsOneRequestPerEvent() {
        List<OprNode> bulk = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            bulk.add(OprNode.branch("event", OprNode.leaf("id", UUID.randomUUID().toString()),
                    OprNode.leaf("title", "during the outage")));
        }
        try (OmiForwarder omi = OmiSide.forwarder(port, WireFormat.XML_COLLECTION, EventRefStyle.TARGET_IDS)) {
            broker.stop();
            omi.forwardEvents(bulk);
            ForwardingTally during = omi.tally();
            System.out.println(during);
            assertThat(during.bulkAnswers()).containsOnlyKeys(200);
            assertThat(during.itemsLeftOut()).isEqualTo(50);
            assertThat(during.singleRequests()).isZero();

            broker.start();
            assertThat(omi.settle(Duration.ofSeconds(90))).isTrue();
            ForwardingTally tally = omi.tally();
            System.out.println(tally);
            assertThat(tally.eventsAcknowledged()).isEqualTo(50);
            assertThat(tally.bulkSplits()).isZero();
            assertThat(tally.singleRequests()).as("requests of one event each").isZero();
            OmiSide.assertAcknowledgedEventsOnTopicAsSent(omi, OmiSide.topic(broker.bootstrapServers(), TOPIC));
        }
    }

    private void sendBulk(HttpClient http, Set<String> acknowledged, AtomicInteger refused) throws Exception {
        List<String> ids = new ArrayList<>();
        StringBuilder xml = new StringBuilder("<event_list xmlns=\"http://www.hp.com/2009/software/opr/data_model\">");
        for (int i = 0; i < 20; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            xml.append("<event><id>").append(id).append("</id><sequence_number>").append(i)
                    .append("</sequence_number><title>load</title></event>");
        }
        xml.append("</event_list>");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/opr/event"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/xml")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((SERVER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(xml.toString()))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            refused.incrementAndGet();
            return;
        }
        // A bulk Kafka took none of is answered 200 with an empty list: OMi resends it as a bulk.
        assertThat(response.statusCode()).isEqualTo(200);
        OprEventList answer = (OprEventList) codec.read(response.body(), OprFormat.XML, Expect.EVENTS);
        for (OprEvent event : answer.event()) {
            acknowledged.add(ids.get(event.sequenceNumber().intValue()));
        }
        if (answer.event().isEmpty()) {
            refused.incrementAndGet();
        }
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String xml) {
        return omi.post().uri("/event").contentType(MediaType.APPLICATION_XML).bodyValue(xml).exchange();
    }

    private static void awaitStatus(java.util.function.IntSupplier status, int expected) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        int last = -1;
        while (Instant.now().isBefore(until)) {
            last = status.getAsInt();
            if (last == expected) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(last).as("status after waiting 60s").isEqualTo(expected);
    }
}
