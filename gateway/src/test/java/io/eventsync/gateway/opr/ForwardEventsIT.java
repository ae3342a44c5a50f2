package io.eventsync.gateway.opr;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprCodec.Expect;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.topic.ExternalIds;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.OprRecordKind;
import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.TopicReader;
import io.eventsync.testkit.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** seed 000, "Forward Event" and "Forward Events": single and bulk, XML and JSON. */
class ForwardEventsIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("forward-events");
    private final OprCodec codec = OprCodec.withDefaults();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
    }

    @Test
    void singleXmlEventIsOnTheTopicWhenOmiHearsOk() {
        byte[] answer = omi.post().uri("/event").contentType(MediaType.APPLICATION_XML)
                .bodyValue(resource("event.xml"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectBody().returnResult().getResponseBody();

        OprEvent answered = (OprEvent) codec.read(answer, OprFormat.XML, Expect.EVENTS);
        String omiId = "4b3e7e0a-5d0c-71e4-0c5b-0a1e2f3b4c5d";
        assertThat(answered.id()).isEqualTo(ExternalIds.of(SERVER, omiId));
        assertThat(answered.title()).isEqualTo("CPU utilization exceeded 95% on dbhost01");

        ConsumerRecord<String, OprRecord> record = recordsFor(omiId, 1).get(0);
        assertThat(record.key()).isEqualTo(omiId);
        assertThat(record.value().kind()).isEqualTo(OprRecordKind.EVENT);
        assertThat(record.value().connectedServer()).isEqualTo(SERVER);
        assertThat(record.value().externalId()).isEqualTo(answered.id());
        assertThat(record.value().event().id()).isEqualTo(omiId);
        assertThat(record.value().event().other()).containsKey("future_element");
        assertThat(TopicReader.headers(record)).containsEntry("content-type", "application/json")
                .containsEntry("eventsync-schema", "eventsync.opr-record/v2")
                .containsEntry("eventsync-kind", "event")
                .containsEntry("eventsync-source", "omi")
                .containsEntry("eventsync-connected-server", SERVER)
                .containsEntry("eventsync-external-id", answered.id())
                .containsEntry("eventsync-opr-state", "open")
                .containsKey("eventsync-received-at");
    }

    @Test
    void singleJsonEventIsAnsweredInJsonWithItsExternalId() {
        String omiId = UUID.randomUUID().toString();
        byte[] body = omi.post().uri("/event").contentType(MediaType.APPLICATION_JSON)
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .bodyValue("{\"id\":\"" + omiId + "\",\"title\":\"json event\",\"severity\":\"minor\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();
        OprEvent answered = (OprEvent) codec.read(body, OprFormat.JSON, Expect.EVENTS);

        assertThat(answered.id()).isEqualTo(ExternalIds.of(SERVER, omiId));
        assertThat(answered.severity()).isEqualTo(Severity.MINOR);
        ConsumerRecord<String, OprRecord> record = recordsFor(omiId, 1).get(0);
        assertThat(TopicReader.headers(record)).containsEntry("traceparent",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }

    @Test
    void bulkXmlAnswerEchoesSequenceNumbersWithExternalIds() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String bulk = resource("event_list.xml")
                .replace("11111111-1111-1111-1111-111111111111", a)
                .replace("22222222-2222-2222-2222-222222222222", b);

        byte[] answer = omi.post().uri("/event")
                .contentType(MediaType.parseMediaType("application/xml;type=collection"))
                .bodyValue(bulk)
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();

        OprEventList list = (OprEventList) codec.read(answer, OprFormat.XML, Expect.EVENTS);
        assertThat(list.event()).extracting(OprEvent::sequenceNumber, OprEvent::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, ExternalIds.of(SERVER, a)),
                org.assertj.core.groups.Tuple.tuple(2L, ExternalIds.of(SERVER, b)));
        assertThat(recordsFor(a, 1)).hasSize(1);
        assertThat(recordsFor(b, 1)).hasSize(1);
    }

    @Test
    void bulkJsonAnswerIsJsonAndCoversEveryItem() {
        StringBuilder json = new StringBuilder("{\"event\":[");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"sequence_number\":")
                    .append(i + 100).append(",\"title\":\"bulk ").append(i).append("\"}");
        }
        json.append("]}");

        byte[] answer = omi.post().uri("/event").contentType(MediaType.APPLICATION_JSON).bodyValue(json.toString())
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();

        OprEventList list = (OprEventList) codec.read(answer, OprFormat.JSON, Expect.EVENTS);
        assertThat(list.event()).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(list.event().get(i).sequenceNumber()).isEqualTo(i + 100L);
            assertThat(list.event().get(i).id()).isEqualTo(ExternalIds.of(SERVER, ids.get(i)));
        }
        List<ConsumerRecord<String, OprRecord>> onTopic = TopicReader.readUntil(bootstrap(), topic(),
                r -> r.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(ids),
                java.time.Duration.ofSeconds(30));
        assertThat(onTopic.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).containsAll(ids);
    }

    @Test
    void answerFormatFollowsAcceptOverTheRequestFormat() {
        byte[] answer = omi.post().uri("/event").contentType(MediaType.APPLICATION_XML)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue("<event><id>" + UUID.randomUUID() + "</id></event>")
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(answer, StandardCharsets.UTF_8)).startsWith("{\"id\":");
    }

    @Test
    void retriedForwardGetsTheSameExternalIdAndStaysOneEvent() {
        String omiId = UUID.randomUUID().toString();
        String first = "<event><id>" + omiId + "</id><title>first try</title></event>";
        String retry = "<event><id>" + omiId + "</id><title>retried</title></event>";

        String id1 = postXmlEvent(first).id();
        String id2 = postXmlEvent(retry).id();

        assertThat(id2).isEqualTo(id1);
        byte[] current = omi.get().uri("/event/{id}", id1).accept(MediaType.APPLICATION_XML)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        OprEvent known = (OprEvent) codec.read(current, OprFormat.XML, Expect.EVENTS);
        assertThat(known.id()).isEqualTo(id1);
        assertThat(known.title()).isEqualTo("retried");
        assertThat(recordsFor(omiId, 2)).extracting(r -> r.value().externalId()).containsOnly(id1);
    }

    @Test
    void anotherConnectedServerGetsItsOwnExternalIdAndCannotSeeThisOne() {
        String omiId = UUID.randomUUID().toString();
        String mine = postXmlEvent("<event><id>" + omiId + "</id></event>").id();

        otherOmi.get().uri("/event/{id}", mine).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] theirs = otherOmi.post().uri("/event").contentType(MediaType.APPLICATION_XML)
                .bodyValue("<event><id>" + omiId + "</id></event>")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        assertThat(((OprEvent) codec.read(theirs, OprFormat.XML, Expect.EVENTS)).id()).isNotEqualTo(mine);
    }

    @Test
    void pingAnswersOkWhileKafkaIsReachable() {
        omi.head().uri("").exchange().expectStatus().isOk();
        omi.head().uri("/").exchange().expectStatus().isOk();
    }

    private OprEvent postXmlEvent(String xml) {
        byte[] answer = omi.post().uri("/event").contentType(MediaType.APPLICATION_XML).bodyValue(xml)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return (OprEvent) codec.read(answer, OprFormat.XML, Expect.EVENTS);
    }

    private List<ConsumerRecord<String, OprRecord>> recordsFor(String key, int count) {
        return TopicReader.readUntil(bootstrap(), topic(),
                        r -> r.stream().filter(x -> key.equals(x.key())).count() >= count,
                        java.time.Duration.ofSeconds(30))
                .stream().filter(r -> key.equals(r.key())).toList();
    }
}
