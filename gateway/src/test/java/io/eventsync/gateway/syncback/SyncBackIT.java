package io.eventsync.gateway.syncback;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.Priority;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprCodec.Expect;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.syncback.SyncBackChange;
import io.eventsync.contracts.syncback.SyncBackSerde;
import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.Problems;
import io.eventsync.gateway.support.TopicReader;
import io.eventsync.testkit.KafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /sync-back}: a third party's change to an event OMi forwarded lands on
 * {@code opr.sync-back} once Kafka holds it; anything wrong is a problem naming the field, and
 * then nothing of the request is published.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncBackIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("sync-back-events");
    private static final String SYNC_BACK_TOPIC = KafkaBroker.uniqueTopic("sync-back");
    private static final String CLIENT = "servicedesk";
    private static final String CLIENT_PASSWORD = "sd-secret-5e1f0c9a";
    private static final int MAX_BODY = 256 * 1024;
    private static final int MAX_BULK = 5;
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    /** Stands for the external id of an event OMi forwarded, in the table of bad requests. */
    private static final String KNOWN = "${known}";

    private final OprCodec codec = OprCodec.withDefaults();
    private String knownForBadRequests;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
        registry.add("eventsync.gateway.sync-back.topic", () -> SYNC_BACK_TOPIC);
        registry.add("eventsync.gateway.sync-back.max-bulk-items", () -> Integer.toString(MAX_BULK));
        registry.add("eventsync.gateway.sync-back.clients[0].name", () -> CLIENT);
        registry.add("eventsync.gateway.sync-back.clients[0].password", () -> CLIENT_PASSWORD);
        registry.add("eventsync.gateway.max-body-size", () -> MAX_BODY + "B");
    }

    @Test
    void aChangeForAForwardedEventLandsOnTheTopicWithKeyValueAndHeadersAndIsAnswered202() {
        String externalId = forward(omi);
        String change = "{\"schema\":\"eventsync.opr-sync-back/v1\",\"external_id\":\"" + externalId + "\","
                + "\"change_id\":\"INC-42-1\",\"changes\":{\"state\":\"closed\",\"priority\":\"high\","
                + "\"assigned_user\":{\"login_name\":\"ops\"},\"custom_attributes\":[{\"name\":\"ticket\","
                + "\"value\":\"INC-42\"}],\"annotations\":[{\"author\":\"ops\",\"text\":\"fixed\"}]},"
                + "\"changed_at\":\"2026-12-01T10:00:00Z\",\"origin\":\"servicedesk/jdoe\"}";

        serviceDesk().post().uri("/sync-back").contentType(MediaType.APPLICATION_JSON)
                .header("traceparent", TRACEPARENT).bodyValue(change)
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json("{\"accepted\":[{\"external_id\":\"" + externalId + "\",\"change_id\":\"INC-42-1\"}]}",
                        org.springframework.test.json.JsonCompareMode.STRICT);

        ConsumerRecord<String, SyncBackChange> record = syncBackRecordsFor(externalId, 1).get(0);
        assertThat(record.key()).isEqualTo(externalId);
        SyncBackChange value = record.value();
        assertThat(value.schema()).isEqualTo(SyncBackChange.SCHEMA);
        assertThat(value.externalId()).isEqualTo(externalId);
        assertThat(value.changeId()).isEqualTo("INC-42-1");
        assertThat(value.changes().state()).isEqualTo(State.CLOSED);
        assertThat(value.changes().priority()).isEqualTo(Priority.HIGH);
        assertThat(value.changes().assignedUser().loginName()).isEqualTo("ops");
        assertThat(value.changes().customAttributes()).extracting(a -> a.name() + "=" + a.value())
                .containsExactly("ticket=INC-42");
        assertThat(value.changes().annotations()).extracting(a -> a.text()).containsExactly("fixed");
        assertThat(value.changedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(value.origin()).isEqualTo("servicedesk/jdoe");
        assertThat(TopicReader.headers(record))
                .containsEntry("content-type", "application/json")
                .containsEntry("eventsync-schema", "eventsync.opr-sync-back/v1")
                .containsEntry("eventsync-kind", "sync_back")
                .containsEntry("eventsync-source", "sync-back")
                .containsEntry("eventsync-external-id", externalId)
                .containsEntry("eventsync-connected-server", SERVER)
                .containsEntry("eventsync-sync-back-client", CLIENT)
                .containsEntry("traceparent", TRACEPARENT)
                .hasEntrySatisfying("eventsync-received-at", at -> assertThat(Instant.parse(at)).isNotNull());
    }

    @Test
    void aBulkOfThreeIsPublishedInOrderPerEventEachChangeIdAnsweredOrGiven() {
        String first = forward(omi);
        String second = forward(otherOmi);
        String bulk = "[" + change(first, "c-1", "{\"state\":\"in_progress\"}") + ","
                + "{\"external_id\":\"" + second + "\",\"changes\":{\"severity\":\"minor\"}},"
                + change(first, "c-3", "{\"title\":\"taken over by the service desk\"}") + "]";

        SyncBackAnswer answer = serviceDesk().post().uri("/sync-back").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bulk).exchange()
                .expectStatus().isAccepted()
                .expectBody(SyncBackAnswer.class).returnResult().getResponseBody();

        assertThat(answer.accepted()).extracting(AcceptedChange::externalId).containsExactly(first, second, first);
        assertThat(answer.accepted().get(0).changeId()).isEqualTo("c-1");
        assertThat(UUID.fromString(answer.accepted().get(1).changeId())).isNotNull();
        assertThat(answer.accepted().get(2).changeId()).isEqualTo("c-3");

        List<ConsumerRecord<String, SyncBackChange>> ofFirst = syncBackRecordsFor(first, 2);
        assertThat(ofFirst).extracting(r -> r.value().changeId()).containsExactly("c-1", "c-3");
        assertThat(ofFirst.get(1).partition()).isEqualTo(ofFirst.get(0).partition());
        ConsumerRecord<String, SyncBackChange> ofSecond = syncBackRecordsFor(second, 1).get(0);
        assertThat(ofSecond.value().changeId()).isEqualTo(answer.accepted().get(1).changeId());
        assertThat(TopicReader.headers(ofSecond)).containsEntry("eventsync-connected-server", OTHER_SERVER);

        String metrics = anonymous.mutate().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("eventsync_gateway_items_total\\{[^}]*kind=\"sync-back\"[^}]*"
                + "reason=\"acknowledged\"[^}]*result=\"accepted\"[^}]*} [1-9]");
    }

    @Test
    void anUnknownExternalIdIsA404NamingItAndNothingOfTheRequestIsPublished() {
        String known = forward(omi);
        String unknown = UUID.randomUUID().toString();

        serviceDesk().post().uri("/sync-back").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(change(unknown, null, "{\"state\":\"closed\"}")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:eventsync:problem:unknown-event")
                .jsonPath("$.errors[0].pointer").isEqualTo("/external_id")
                .jsonPath("$.errors[0].detail").isEqualTo("no event with this external id was forwarded by OMi");
        serviceDesk().post().uri("/sync-back").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[" + change(known, null, "{\"state\":\"closed\"}") + ","
                        + change(unknown, null, "{\"state\":\"closed\"}") + "]").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].pointer").isEqualTo("/1/external_id");

        assertThat(syncBackRecordsNow(known)).isEmpty();
        assertThat(syncBackRecordsNow(unknown)).isEmpty();
    }

    static Stream<Arguments> badRequests() {
        String valid = change(KNOWN, null, "{\"state\":\"closed\"}");
        return Stream.of(
                bad("external_id missing", "{\"changes\":{\"state\":\"closed\"}}", "missing-field", "/external_id"),
                bad("external_id not a string", "{\"external_id\":7,\"changes\":{\"state\":\"closed\"}}",
                        "invalid-field", "/external_id"),
                bad("external_id too long", change("x".repeat(257), null, "{\"state\":\"closed\"}"),
                        "invalid-field", "/external_id"),
                bad("changes missing", "{\"external_id\":\"" + KNOWN + "\"}", "missing-field", "/changes"),
                bad("changes empty", change(KNOWN, null, "{}"), "invalid-field", "/changes"),
                bad("changes not an object", change(KNOWN, null, "[\"closed\"]"), "invalid-field", "/changes"),
                bad("unknown state", change(KNOWN, null, "{\"state\":\"gone\"}"), "invalid-field", "/changes/state"),
                bad("state not a string", change(KNOWN, null, "{\"state\":1}"), "invalid-field", "/changes/state"),
                bad("unknown severity", change(KNOWN, null, "{\"severity\":\"apocalyptic\"}"), "invalid-field",
                        "/changes/severity"),
                bad("unknown priority", change(KNOWN, null, "{\"priority\":\"urgent\"}"), "invalid-field",
                        "/changes/priority"),
                bad("title too long", change(KNOWN, null, "{\"title\":\"" + "t".repeat(1025) + "\"}"),
                        "invalid-field", "/changes/title"),
                bad("description over 64 KiB", change(KNOWN, null, "{\"description\":\"" + "d".repeat(64 * 1024 + 1)
                        + "\"}"), "invalid-field", "/changes/description"),
                bad("101 custom attributes", change(KNOWN, null, "{\"custom_attributes\":["
                        + String.join(",", Collections.nCopies(101, "{\"name\":\"a\",\"value\":\"b\"}")) + "]}"),
                        "invalid-field", "/changes/custom_attributes"),
                bad("101 annotations", change(KNOWN, null, "{\"annotations\":["
                        + String.join(",", Collections.nCopies(101, "{\"text\":\"a\"}")) + "]}"),
                        "invalid-field", "/changes/annotations"),
                bad("annotation without text", change(KNOWN, null, "{\"annotations\":[{\"author\":\"ops\"}]}"),
                        "missing-field", "/changes/annotations/0/text"),
                bad("custom attribute without name", change(KNOWN, null, "{\"custom_attributes\":[{\"value\":\"b\"}]}"),
                        "missing-field", "/changes/custom_attributes/0/name"),
                bad("unknown top-level field", "{\"external_id\":\"" + KNOWN + "\",\"changes\":{\"state\":\"closed\"},"
                        + "\"prority\":\"high\"}", "unknown-field", "/prority"),
                bad("unknown property", change(KNOWN, null, "{\"state\":\"closed\",\"sevrity\":\"minor\"}"),
                        "unknown-field", "/changes/sevrity"),
                bad("unknown annotation field", change(KNOWN, null, "{\"annotations\":[{\"text\":\"a\",\"colour\":1}]}"),
                        "unknown-field", "/changes/annotations/0/colour"),
                bad("unknown assigned_user field", change(KNOWN, null, "{\"assigned_user\":{\"login\":\"ops\"}}"),
                        "unknown-field", "/changes/assigned_user/login"),
                bad("field name escaped in the pointer", change(KNOWN, null, "{\"state\":\"closed\",\"a/b~c\":1}"),
                        "unknown-field", "/changes/a~1b~0c"),
                bad("wrong schema", "{\"schema\":\"eventsync.opr-sync-back/v2\",\"external_id\":\"" + KNOWN
                        + "\",\"changes\":{\"state\":\"closed\"}}", "invalid-field", "/schema"),
                bad("change_id with control characters", change(KNOWN, "a\\u0000b", "{\"state\":\"closed\"}"),
                        "invalid-field", "/change_id"),
                bad("change_id too long", change(KNOWN, "c".repeat(257), "{\"state\":\"closed\"}"),
                        "invalid-field", "/change_id"),
                bad("changed_at not a time", "{\"external_id\":\"" + KNOWN + "\",\"changes\":{\"state\":\"closed\"},"
                        + "\"changed_at\":\"yesterday\"}", "invalid-field", "/changed_at"),
                bad("origin too long", "{\"external_id\":\"" + KNOWN + "\",\"changes\":{\"state\":\"closed\"},"
                        + "\"origin\":\"" + "o".repeat(257) + "\"}", "invalid-field", "/origin"),
                bad("a bad item in a bulk", "[" + valid + "," + change(KNOWN, null, "{\"state\":\"gone\"}") + "]",
                        "invalid-field", "/1/changes/state"),
                bad("a bulk item that is not an object", "[" + valid + ",\"closed\"]", "invalid-field", "/1"),
                Arguments.of("malformed JSON", "application/json", "{\"external_id\":", 400, "malformed-document", null),
                Arguments.of("duplicate keys", "application/json", "{\"external_id\":\"a\",\"external_id\":\"b\"}", 400,
                        "malformed-document", null),
                Arguments.of("empty body", "application/json", "", 400, "malformed-document", null),
                Arguments.of("not a change", "application/json", "\"closed\"", 400, "wrong-document", null),
                Arguments.of("too many items", "application/json",
                        "[" + String.join(",", Collections.nCopies(MAX_BULK + 1, valid)) + "]", 413, "too-many-items",
                        null),
                Arguments.of("oversized body", "application/json", change(KNOWN, null, "{\"description\":\""
                        + "d".repeat(MAX_BODY) + "\"}"), 413, "body-too-large", null),
                Arguments.of("XML", "application/xml", "<event_change/>", 415, "unsupported-media-type", null),
                Arguments.of("plain text", "text/plain", valid, 415, "unsupported-media-type", null));
    }

    @ParameterizedTest(name = "{0} -> {3} {5}")
    @MethodSource("badRequests")
    void eachBadRequestGetsItsProblemAndPublishesNothing(String name, String contentType, String body, int status,
                                                         String type, String pointer) {
        String known = knownForBadRequests();
        Problems.expectProblem(serviceDesk().post().uri("/sync-back"), contentType, body.replace(KNOWN, known),
                status, type, pointer);
        assertThat(syncBackRecordsNow(known)).isEmpty();
    }

    @Test
    void aBulkWithFaultsInSeveralItemsListsEveryFaultAndPublishesNothing() {
        String known = forward(omi);
        String bulk = "[" + change(known, "ok-1", "{\"state\":\"closed\"}") + ","
                + change(known, null, "{\"state\":\"gone\",\"title\":7}") + ","
                + "{\"changes\":{\"priority\":\"high\"}}]";

        serviceDesk().post().uri("/sync-back").contentType(MediaType.APPLICATION_JSON).bodyValue(bulk).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].pointer").isEqualTo(List.of("/1/changes/state", "/1/changes/title",
                        "/2/external_id"))
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("nothing was published"));
        assertThat(syncBackRecordsNow(known)).isEmpty();
    }

    @Test
    void connectedServersCannotPostSyncBackAndSyncBackClientsCannotForward(CapturedOutput output) {
        String known = forward(omi);
        String change = change(known, null, "{\"state\":\"closed\"}");
        WebTestClient root = anonymous.mutate().baseUrl("http://127.0.0.1:" + port).build();

        root.post().uri("/sync-back").headers(h -> h.setBasicAuth(SERVER, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(change).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:eventsync:problem:forbidden");
        serviceDesk().post().uri("/opr/event").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":\"" + UUID.randomUUID() + "\"}").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:eventsync:problem:forbidden");
        root.post().uri("/sync-back").contentType(MediaType.APPLICATION_JSON).bodyValue(change).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"eventsync\"");
        String wrong = "not-the-sync-back-password-77c2";
        root.post().uri("/sync-back").headers(h -> h.setBasicAuth(CLIENT, wrong))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(change).exchange()
                .expectStatus().isUnauthorized()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(wrong, CLIENT_PASSWORD));

        assertThat(syncBackRecordsNow(known)).isEmpty();
        assertThat(output.getAll()).doesNotContain(CLIENT_PASSWORD).doesNotContain(wrong);
    }

    @Test
    void theSyncBackPasswordNeverAppearsInTheLogs(CapturedOutput output) {
        String known = forward(omi);
        serviceDesk().post().uri("/sync-back").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(change(known, null, "{\"state\":\"closed\"}")).exchange().expectStatus().isAccepted();
        serviceDesk().post().uri("/sync-back").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{broken").exchange().expectStatus().isBadRequest();
        serviceDesk().post().uri("/sync-back").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(change(UUID.randomUUID().toString(), null, "{\"state\":\"closed\"}")).exchange()
                .expectStatus().isNotFound();

        assertThat(output.getAll()).doesNotContain(CLIENT_PASSWORD);
    }

    /** The answer's shape, read back. */
    record SyncBackAnswer(List<AcceptedChange> accepted) {
    }

    private static Arguments bad(String name, String body, String type, String pointer) {
        return Arguments.of(name, "application/json", body, 400, type, pointer);
    }

    private static String change(String externalId, String changeId, String changes) {
        return "{\"external_id\":\"" + externalId + "\"" + (changeId == null ? "" : ",\"change_id\":\"" + changeId + "\"")
                + ",\"changes\":" + changes + "}";
    }

    private WebTestClient serviceDesk() {
        return anonymous.mutate().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBasicAuth(CLIENT, CLIENT_PASSWORD)).build();
    }

    /** Forwards a new event as OMi would and answers its external id. */
    private String forward(WebTestClient server) {
        byte[] answer = server.post().uri("/event").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":\"" + UUID.randomUUID() + "\",\"title\":\"t\",\"severity\":\"major\"}")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return ((OprEvent) codec.read(answer, OprFormat.JSON, Expect.EVENTS)).id();
    }

    private String knownForBadRequests() {
        if (knownForBadRequests == null) {
            knownForBadRequests = forward(omi);
        }
        return knownForBadRequests;
    }

    private List<ConsumerRecord<String, SyncBackChange>> syncBackRecordsNow(String key) {
        return io.eventsync.testkit.TopicReader.readToEnd(bootstrap(), SYNC_BACK_TOPIC,
                new SyncBackSerde().deserializer()).stream().filter(r -> key.equals(r.key())).toList();
    }

    private List<ConsumerRecord<String, SyncBackChange>> syncBackRecordsFor(String key, int count) {
        return io.eventsync.testkit.TopicReader.readUntil(bootstrap(), SYNC_BACK_TOPIC,
                        new SyncBackSerde().deserializer(),
                        r -> r.stream().filter(x -> key.equals(x.key())).count() >= count, Duration.ofSeconds(10))
                .stream().filter(r -> key.equals(r.key())).toList();
    }
}
