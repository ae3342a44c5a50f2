package io.eventsync.gateway.opr;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.Problems;
import io.eventsync.gateway.support.TopicReader;
import io.eventsync.testkit.KafkaBroker;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile and broken requests: each gets its problem document naming what is wrong (a 4xx; a bulk a
 * 501, so that OMi resends each item alone), the gateway keeps serving, and nothing of them reaches
 * the topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("bad-input");
    private static final int MAX_BODY = 64 * 1024;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
        registry.add("eventsync.gateway.max-body-size", () -> MAX_BODY + "B");
        registry.add("eventsync.gateway.max-bulk-items", () -> "10");
    }

    static Stream<Arguments> badDocuments() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE event [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<event><id>&xxe;</id></event>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><event><title>&lol2;</title></event>";
        String sample = resource("event.xml");
        String bulk = "{\"event\":[" + String.join(",", java.util.Collections.nCopies(11, "{\"id\":\"x\"}")) + "]}";
        return Stream.of(
                Arguments.of("malformed XML", "application/xml", "<event><id>x</id>", 400, "malformed-document", null),
                Arguments.of("malformed JSON", "application/json", "{\"id\": ", 400, "malformed-document", null),
                Arguments.of("truncated XML", "application/xml", sample.substring(0, sample.length() / 2), 400,
                        "malformed-document", null),
                Arguments.of("not even a document", "application/json", "\"event\"", 400, "wrong-document", null),
                Arguments.of("empty body", "application/json", "", 400, "malformed-document", null),
                Arguments.of("XML external entity", "application/xml", xxe, 400, "forbidden-construct", null),
                Arguments.of("entity expansion", "text/xml", laughs, 400, "forbidden-construct", null),
                Arguments.of("deeply nested XML", "application/xml",
                        "<event><id>a</id>" + "<x>".repeat(200) + "</x>".repeat(200) + "</event>", 400,
                        "document-limit-exceeded", null),
                Arguments.of("deeply nested JSON", "application/json",
                        "{\"id\":\"a\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}", 400,
                        "document-limit-exceeded", null),
                Arguments.of("duplicate JSON keys", "application/json", "{\"id\":\"a\",\"id\":\"b\"}", 400,
                        "malformed-document", null),
                Arguments.of("invalid severity", "application/xml",
                        "<event><id>a</id><severity>apocalyptic</severity></event>", 400, "invalid-field",
                        "/event/severity"),
                Arguments.of("invalid time", "application/json", "{\"id\":\"a\",\"time_created\":\"noon\"}", 400,
                        "invalid-field", "/time_created"),
                Arguments.of("number out of range", "application/json",
                        "{\"id\":\"a\",\"duplicate_count\":99999999999999999999}", 400, "invalid-field",
                        "/duplicate_count"),
                Arguments.of("missing event id", "application/xml", "<event><title>no id</title></event>", 400,
                        "missing-field", "/event/id"),
                // A bulk is never refused whole with a 4xx: OMi would fail every event of it for good. 501 has OMi
                // resend each event alone (decision 0012), and only the bad one then gets its 400.
                Arguments.of("missing id in a bulk item", "application/json",
                        "{\"event\":[{\"id\":\"a\"},{\"title\":\"b\"}]}", 501, "resend-items-alone", "/event/1/id"),
                Arguments.of("control characters in id", "application/json", "{\"id\":\"a\\u0000b\\nc\"}", 400,
                        "invalid-field", "/id"),
                Arguments.of("id too long", "application/json", "{\"id\":\"" + "x".repeat(300) + "\"}", 400,
                        "invalid-field", "/id"),
                Arguments.of("a change sent as an event", "application/xml", resource("event_change.xml"), 400,
                        "wrong-document", null),
                Arguments.of("too many items", "application/json", bulk, 501, "resend-items-alone", null),
                Arguments.of("oversized body", "application/json",
                        "{\"id\":\"a\",\"title\":\"" + "x".repeat(MAX_BODY) + "\"}", 413, "body-too-large", null),
                Arguments.of("plain text", "text/plain", "id=a", 415, "unsupported-media-type", null),
                Arguments.of("octet stream", "application/octet-stream", "{\"id\":\"a\"}", 415,
                        "unsupported-media-type", null));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("badDocuments")
    void badDocumentGetsItsProblem(String name, String contentType, String body, int status, String type,
                                   String pointer) {
        Problems.expectProblem(omi.post().uri("/event"), contentType, body, status, type, pointer);
    }

    @Test
    void oversizedBodyWithoutDeclaredLengthIsCutOffAt413() {
        byte[] big = ("{\"id\":\"a\",\"title\":\"" + "y".repeat(MAX_BODY * 2) + "\"}").getBytes();
        omi.post().uri("/event").contentType(MediaType.APPLICATION_JSON)
                .body(org.springframework.web.reactive.function.BodyInserters.fromDataBuffers(
                        reactor.core.publisher.Flux.range(0, big.length / 4096 + 1)
                                .map(i -> new org.springframework.core.io.buffer.DefaultDataBufferFactory()
                                        .wrap(java.util.Arrays.copyOfRange(big, i * 4096,
                                                Math.min(big.length, (i + 1) * 4096))))))
                .exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void xmlClientsGetProblemsInXml() {
        omi.post().uri("/event").contentType(MediaType.APPLICATION_XML).bodyValue("<event><id>x</id>")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/problem+xml"))
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("<problem xmlns=\"urn:ietf:rfc:7807\">")
                        .contains("<type>urn:eventsync:problem:malformed-document</type>")
                        .contains("<status>400</status>"));
    }

    @Test
    void unknownExternalIdsAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        omi.get().uri("/event/{id}", unknown).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:eventsync:problem:unknown-event");
        omi.post().uri("/event_change/{id}", unknown).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"changed_properties\":{}}").exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/event/..%2F..%2Fetc%2Fpasswd", "/event/a%00b",
            "/event/a%0d%0aSet-Cookie:x", "/event/%2e%2e/%2e%2e/x", "/event/" + "x%41" + "0123456789"})
    void hostilePathsAreRefusedAsProblems(String path) {
        omi.get().uri(java.net.URI.create("http://127.0.0.1:" + port + "/opr" + path)).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(400, 404))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void wrongMethodsAndPathsAreProblemsToo() {
        omi.method(HttpMethod.PUT).uri("/event").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(405)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        omi.get().uri("/no-such-thing").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @AfterAll
    void serviceStillServesAndNothingBadWasPublished() {
        clients();
        omi.head().uri("").exchange().expectStatus().isOk();
        String omiId = UUID.randomUUID().toString();
        omi.post().uri("/event").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"id\":\"" + omiId + "\"}")
                .exchange().expectStatus().isOk();
        assertThat(TopicReader.readToEnd(bootstrap(), topic())).extracting(r -> r.key()).containsExactly(omiId);
    }
}
