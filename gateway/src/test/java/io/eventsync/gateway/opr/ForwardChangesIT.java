package io.eventsync.gateway.opr;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprCodec.Expect;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.OprRecordKind;
import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.TopicReader;
import io.eventsync.testkit.KafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** seed 000, "Forward Event Change", "Forward Event Changes" and "Web Service GET Request". */
class ForwardChangesIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("forward-changes");
    private final OprCodec codec = OprCodec.withDefaults();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
    }

    @Test
    void singleXmlChangeFollowsItsEventOnTheTopicAndShowsInGet() {
        String omiId = UUID.randomUUID().toString();
        String externalId = forward(omiId, "critical");
        String change = resource("event_change.xml").replace("4b3e7e0a-5d0c-71e4-0c5b-0a1e2f3b4c5d", omiId);

        omi.post().uri("/event_change/{id}", externalId).contentType(MediaType.APPLICATION_XML).bodyValue(change)
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML);

        List<ConsumerRecord<String, OprRecord>> records = recordsFor(omiId, 2);
        assertThat(records).extracting(r -> r.value().kind())
                .containsExactly(OprRecordKind.EVENT, OprRecordKind.EVENT_CHANGE);
        assertThat(records.get(1).partition()).isEqualTo(records.get(0).partition());
        assertThat(records.get(1).value().externalId()).isEqualTo(externalId);

        OprEvent current = get(externalId);
        assertThat(current.id()).isEqualTo(externalId);
        assertThat(current.title()).isEqualTo("Some title for the event.");
        assertThat(current.state()).isEqualTo(State.CLOSED);
        assertThat(current.annotationList().annotation()).extracting(a -> a.text())
                .contains("Fixed by restarting the listener");
    }

    @Test
    void singleJsonChangeIsAnsweredInJson() {
        String omiId = UUID.randomUUID().toString();
        String externalId = forward(omiId, "major");

        omi.post().uri("/event_change/{id}", externalId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"changed_properties\":{\"severity_property_change\":"
                        + "{\"property_name\":\"severity\",\"current_value\":\"minor\",\"previous_value\":\"major\"}}}")
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);

        assertThat(get(externalId).severity()).isEqualTo(Severity.MINOR);
    }

    @Test
    void changeForAnUnknownOrForeignEventIsNotFoundAndNotPublished() {
        String omiId = UUID.randomUUID().toString();
        String externalId = forward(omiId, "major");
        String change = "<event_change><changed_properties><state_property_change><property_name>state"
                + "</property_name><current_value>closed</current_value></state_property_change>"
                + "</changed_properties></event_change>";

        omi.post().uri("/event_change/{id}", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_XML)
                .bodyValue(change).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/problem+xml"));
        otherOmi.post().uri("/event_change/{id}", externalId).contentType(MediaType.APPLICATION_XML)
                .bodyValue(change).exchange().expectStatus().isNotFound();

        assertThat(get(externalId).state()).isNull();
        assertThat(recordsNow(omiId)).hasSize(1);
    }

    @Test
    void changeThatCannotApplyIsABadRequestNamingTheProperty() {
        String externalId = forward(UUID.randomUUID().toString(), "major");

        omi.post().uri("/event_change/{id}", externalId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"changed_properties\":{\"severity_property_change\":"
                        + "{\"property_name\":\"severity\",\"current_value\":\"apocalyptic\"}}}")
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:eventsync:problem:invalid-field")
                .jsonPath("$.errors[0].pointer").isEqualTo("/changed_properties/severity_property_change");
    }

    @Test
    void bulkChangesEchoSequenceNumbersAndApplyInOrder() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String externalA = forward(a, "major");
        String externalB = forward(b, "major");
        String bulk = "<event_change_list xmlns=\"http://www.hp.com/2009/software/opr/data_model\">"
                + change(1, "<target_global_id>" + externalA + "</target_global_id>", "severity", "critical")
                + change(2, "<target_id>" + b + "</target_id>", "state", "closed")
                + change(3, "<global_id>" + externalB + "</global_id>", "severity", "minor")
                + "</event_change_list>";

        byte[] answer = omi.post().uri("/event_change/")
                .contentType(MediaType.parseMediaType("application/xml;type=collection")).bodyValue(bulk)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();

        OprEventChangeList list = (OprEventChangeList) codec.read(answer, OprFormat.XML, Expect.EVENT_CHANGES);
        assertThat(list.eventChange()).extracting(c -> c.sequenceNumber()).containsExactly(1L, 2L, 3L);
        assertThat(get(externalA).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(get(externalB).state()).isEqualTo(State.CLOSED);
        assertThat(get(externalB).severity()).isEqualTo(Severity.MINOR);
        assertThat(recordsFor(b, 3)).extracting(r -> r.value().kind())
                .containsExactly(OprRecordKind.EVENT, OprRecordKind.EVENT_CHANGE, OprRecordKind.EVENT_CHANGE);
    }

    @Test
    void bulkWithAChangeOmiCannotHaveSentIsAnsweredSoThatOmiResendsEachAlone() {
        String a = UUID.randomUUID().toString();
        forward(a, "major");
        String neverForwarded = UUID.randomUUID().toString();
        String bulk = "<event_change_list>"
                + change(1, "<target_id>" + a + "</target_id>", "state", "closed")
                + "<event_change><sequence_number>2</sequence_number><changed_properties/></event_change>"
                + change(3, "<target_id>" + neverForwarded + "</target_id>", "state", "closed")
                + "</event_change_list>";

        omi.post().uri("/event_change").contentType(MediaType.APPLICATION_XML).bodyValue(bulk)
                .exchange().expectStatus().isEqualTo(501)
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/problem+xml"))
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("urn:eventsync:problem:resend-items-alone")
                        .contains("/event_change_list/event_change/1/event_ref")
                        .contains("<type>missing-field</type>").contains("<sequence_number>2</sequence_number>")
                        .contains("<type>unknown-event</type>").contains("<sequence_number>3</sequence_number>"));
        assertThat(recordsNow(a)).as("nothing of the bulk published").hasSize(1);
    }

    @Test
    void getOfAnIdNeverSentIsNotFound() {
        omi.get().uri("/event/{id}", UUID.randomUUID().toString()).accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:eventsync:problem:unknown-event");
    }

    private static String change(int sequence, String ref, String property, String value) {
        return "<event_change><sequence_number>" + sequence + "</sequence_number><event_ref>" + ref
                + "</event_ref><changed_properties><" + property + "_property_change><property_name>" + property
                + "</property_name><current_value>" + value + "</current_value></" + property
                + "_property_change></changed_properties></event_change>";
    }

    private String forward(String omiId, String severity) {
        byte[] answer = omi.post().uri("/event").contentType(MediaType.APPLICATION_XML)
                .bodyValue("<event><id>" + omiId + "</id><title>t</title><severity>" + severity + "</severity></event>")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return ((OprEvent) codec.read(answer, OprFormat.XML, Expect.EVENTS)).id();
    }

    private OprEvent get(String externalId) {
        byte[] body = omi.get().uri("/event/{id}", externalId).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectBody().returnResult().getResponseBody();
        return (OprEvent) codec.read(body, OprFormat.XML, Expect.EVENTS);
    }

    private List<ConsumerRecord<String, OprRecord>> recordsNow(String key) {
        return TopicReader.readToEnd(bootstrap(), topic()).stream().filter(r -> key.equals(r.key())).toList();
    }

    private List<ConsumerRecord<String, OprRecord>> recordsFor(String key, int count) {
        return TopicReader.readUntil(bootstrap(), topic(),
                        r -> r.stream().filter(x -> key.equals(x.key())).count() >= count, Duration.ofSeconds(10))
                .stream().filter(r -> key.equals(r.key())).toList();
    }
}
