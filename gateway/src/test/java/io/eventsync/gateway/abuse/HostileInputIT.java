package io.eventsync.gateway.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprCodec.Expect;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.OprRecordSerde;
import io.eventsync.contracts.topic.RecordHeaderNames;
import io.eventsync.gateway.support.GatewayTestBase;
import io.eventsync.gateway.support.TopicReader;
import io.eventsync.testkit.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A corpus of hostile requests against every endpoint (OMi's, sync-back, actuator), sent byte for
 * byte over plain sockets to the real gateway on its default limits. Each must get its documented
 * 4xx as an RFC 9457 problem (a bulk: a 501 naming what refused it, so that OMi resends each item
 * alone rather than failing all of them), never echo a password, never make the gateway fetch anything, and
 * leave the gateway serving; what was acknowledged before stays on the topic and nothing of the
 * corpus is published. {@code BadInputIT} has the plain cases on {@code POST /event}; this is the rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT extends GatewayTestBase {

    private static final String TOPIC = KafkaBroker.uniqueTopic("hostile-input");
    private static final String SYNC_BACK_TOPIC = KafkaBroker.uniqueTopic("hostile-sync-back");
    private static final String SYNC_BACK_CLIENT = "servicedesk";
    private static final String SYNC_BACK_PASSWORD = "sd-hostile-3f9c1a77";
    /** The gateway's defaults (README): the corpus runs against what production runs with. */
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final int MAX_TEXT = 1_000_000;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    /** How long a slow client is given before the server must have ended it: bounded, not a threshold. */
    private static final Duration SLOW_WAIT = Duration.ofSeconds(2);
    private static final String JSON = "application/json";
    private static final String XML = "application/xml";
    private static final String OPR_NS = "http://www.hp.com/2009/software/opr/data_model";

    /** Placeholders, filled in once the gateway runs: an event it knows, and the canary's URL. */
    private static final String KNOWN = "${known}";
    private static final String CANARY = "${canary}";

    private final OprCodec codec = OprCodec.withDefaults();
    /** OMi ids the gateway acknowledged, in order: they must all be on the topic at the end. */
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final Map<String, String> externalIdsBefore = new LinkedHashMap<>();
    private String known;
    private String lastExternalId;
    private Canary canary;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, sharedBroker(), TOPIC);
        registry.add("eventsync.gateway.sync-back.topic", () -> SYNC_BACK_TOPIC);
        registry.add("eventsync.gateway.sync-back.clients[0].name", () -> SYNC_BACK_CLIENT);
        registry.add("eventsync.gateway.sync-back.clients[0].password", () -> SYNC_BACK_PASSWORD);
        // Well under SLOW_WAIT, so the slow-client cases see the cut-off; the default is 30 s.
        registry.add("eventsync.gateway.request-read-timeout", () -> "1s");
    }

    @BeforeAll
    void canaryAndEventsAcknowledgedBefore() throws IOException {
        canary = new Canary();
        clients();
        String single = UUID.randomUUID().toString();
        String xml = UUID.randomUUID().toString();
        List<String> bulk = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        OprEvent first = (OprEvent) forward(resource("event.json").replace("4b3e7e0a-5d0c-71e4-0c5b-0a1e2f3b4c5d",
                single), MediaType.APPLICATION_JSON);
        OprEvent second = (OprEvent) forward(resource("event.xml").replace("4b3e7e0a-5d0c-71e4-0c5b-0a1e2f3b4c5d",
                xml), MediaType.APPLICATION_XML);
        OprEventList list = (OprEventList) forward("{\"event\":[{\"id\":\"" + bulk.get(0) + "\",\"title\":\"a\"},"
                + "{\"id\":\"" + bulk.get(1) + "\",\"title\":\"b\"}]}", MediaType.APPLICATION_JSON);
        externalIdsBefore.put(single, first.id());
        externalIdsBefore.put(xml, second.id());
        externalIdsBefore.put(bulk.get(0), list.event().get(0).id());
        externalIdsBefore.put(bulk.get(1), list.event().get(1).id());
        assertThat(list.event()).hasSize(2);
        acknowledged.addAll(externalIdsBefore.keySet());
        known = first.id();
    }

    @AfterAll
    void stopCanary() throws IOException {
        if (canary != null) {
            canary.close();
        }
    }

    static Stream<Arguments> corpus() {
        List<Case> cases = new ArrayList<>();
        String event = "/opr/event";
        String change = "/opr/event_change/" + KNOWN;
        String changes = "/opr/event_change/";
        String get = "/opr/event/";
        String syncBack = "/sync-back";
        String validChange = "{\"changed_properties\":{\"severity_property_change\":{\"property_name\":\"severity\","
                + "\"current_value\":\"minor\"}}}";
        String validChangeList = "{\"event_change\":[{\"event_ref\":{\"target_global_id\":\"" + KNOWN + "\"},"
                + "\"changed_properties\":{\"severity_property_change\":{\"property_name\":\"severity\","
                + "\"current_value\":\"minor\"}}}]}";
        String validSyncBack = "{\"external_id\":\"" + KNOWN + "\",\"changes\":{\"state\":\"closed\"}}";
        String eventListXml = resource("event_list.xml");
        String changeJson = resource("event_change.json");
        String changeListJson = resource("event_change_list.json");
        String changeListXml = resource("event_change_list.xml");

        // Malformed and truncated, on the endpoints BadInputIT does not post to.
        // A bulk OMi sent is never refused whole with a 4xx (OMi would fail every event of it for good): it is
        // answered 501, so OMi resends each item alone, each judged on its own (decision 0012).
        cases.add(post("truncated JSON bulk", event).json("{\"event\":[{\"id\":\"hostile-1\"},{\"id\":\"hostile-2\"")
                .resentAlone("malformed-document", null));
        cases.add(post("truncated XML bulk", event).xml(eventListXml.substring(0, eventListXml.length() * 2 / 3))
                .resentAlone("malformed-document", null));
        cases.add(post("two XML root elements", event).xml("<event xmlns=\"" + OPR_NS + "\"><id>hostile-root-1</id>"
                + "</event><event xmlns=\"" + OPR_NS + "\"><id>hostile-root-2</id></event>")
                .expect(400, "malformed-document", null));
        cases.add(post("JSON with trailing garbage", event).json("{\"id\":\"hostile-trailing\"} {\"id\":\"x\"}")
                .expect(400, "malformed-document", null));
        cases.add(post("JSON with comments", event).json("{\"id\":\"hostile-comment\" /* hi */}")
                .expect(400, "malformed-document", null));
        cases.add(post("JSON NaN", event).json("{\"id\":\"hostile-nan\",\"duplicate_count\":NaN}")
                .expect(400, "malformed-document", null));
        cases.add(post("truncated JSON change", change).json(changeJson.substring(0, changeJson.length() / 2))
                .expect(400, "malformed-document", null));
        cases.add(post("mismatched XML change", change).xml("<event_change xmlns=\"" + OPR_NS + "\"><changed_properties>"
                + "</event_change></changed_properties>").expect(400, "malformed-document", null));
        cases.add(post("empty change", change).json("").expect(400, "malformed-document", null));
        cases.add(post("truncated JSON change list", changes).json(changeListJson.substring(0,
                changeListJson.length() / 2)).resentAlone("malformed-document", null));
        cases.add(post("truncated XML change list", "/opr/event_change").xml(changeListXml.substring(0,
                changeListXml.length() / 2)).resentAlone("malformed-document", null));
        cases.add(post("empty XML change list", changes).xml("<?xml version=\"1.0\"?>")
                .resentAlone("malformed-document", null));
        cases.add(post("sync-back with trailing garbage", syncBack).json(validSyncBack + "]")
                .expect(400, "malformed-document", null));
        cases.add(post("sync-back truncated", syncBack).json(validSyncBack.substring(0, validSyncBack.length() - 3))
                .expect(400, "malformed-document", null));

        // XXE: a local file and the loopback canary, which must never see a connection.
        cases.add(post("XXE entity to an http URL", event).xml(hostile("xxe-http-entity.xml"))
                .expect(400, "forbidden-construct", null));
        cases.add(post("XXE external DTD", event).xml(hostile("xxe-external-dtd.xml"))
                .expect(400, "forbidden-construct", null));
        cases.add(post("XXE public id in a bulk", event).xml(hostile("xxe-public-id.xml"))
                .expect(400, "forbidden-construct", null));
        cases.add(post("XXE parameter entity (out of band)", event).xml(hostile("xxe-parameter-entity.xml"))
                .expect(400, "forbidden-construct", null));
        cases.add(post("XXE local file in a change", change).xml(hostile("xxe-file-change.xml"))
                .expect(400, "forbidden-construct", null));
        cases.add(post("XXE http URL in a change list", changes).xml(hostile("xxe-http-change-list.xml"))
                .expect(400, "forbidden-construct", null));
        cases.add(post("XXE to sync-back", syncBack).xml(hostile("xxe-http-entity.xml"))
                .expect(415, "unsupported-media-type", null));
        cases.add(post("entity reference without a DTD", event).xml("<event xmlns=\"" + OPR_NS + "\"><id>hostile</id>"
                + "<title>&stolen;</title></event>").expect(400, "malformed-document", null));
        cases.add(post("XInclude, schemaLocation and stylesheet are not fetched", event)
                .xml(hostile("not-fetched.xml")).accepted("hostile-not-fetched"));

        // Entity expansion.
        cases.add(post("billion laughs", event).xml(hostile("billion-laughs.xml"))
                .expect(400, "forbidden-construct", null));
        cases.add(post("billion laughs in a change", change).xml(hostile("billion-laughs-change.xml"))
                .expect(400, "forbidden-construct", null));
        cases.add(post("quadratic blowup in a change list", changes).xml("<?xml version=\"1.0\"?><!DOCTYPE "
                + "event_change_list [<!ENTITY big \"" + "x".repeat(100_000) + "\">]><event_change_list xmlns=\""
                + OPR_NS + "\"><event_change><title>" + "&big;".repeat(20_000) + "</title></event_change>"
                + "</event_change_list>").expect(400, "forbidden-construct", null));

        // Deep nesting, far beyond 32 levels (a recursive parser would overflow its stack).
        cases.add(post("JSON nested 100,000 deep", event).json("[".repeat(100_000) + "]".repeat(100_000))
                .resentAlone("document-limit-exceeded", null));
        cases.add(post("XML nested 50,000 deep", event).xml("<event xmlns=\"" + OPR_NS + "\"><id>hostile</id>"
                + "<x>".repeat(50_000) + "</x>".repeat(50_000) + "</event>")
                .expect(400, "document-limit-exceeded", null));
        cases.add(post("JSON change nested 40 deep", change).json("{\"changed_properties\":" + "{\"a\":".repeat(40)
                + "1" + "}".repeat(40) + "}").expect(400, "document-limit-exceeded", null));
        cases.add(post("XML change list nested 10,000 deep", changes).xml("<event_change_list xmlns=\"" + OPR_NS
                + "\"><event_change>" + "<changed_properties>".repeat(10_000) + "</changed_properties>".repeat(10_000)
                + "</event_change></event_change_list>").resentAlone("document-limit-exceeded", null));
        cases.add(post("sync-back nested 100,000 deep", syncBack).json("{\"external_id\":\"hostile\",\"changes\":"
                + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "}")
                .expect(400, "document-limit-exceeded", null));

        // Huge strings: one character over the documented text limit, and a huge name.
        cases.add(post("JSON title over 1,000,000 characters", event).json("{\"id\":\"hostile-huge\",\"title\":\""
                + "t".repeat(MAX_TEXT + 1) + "\"}").expect(400, "document-limit-exceeded", null));
        cases.add(post("XML title over 1,000,000 characters", event).xml("<event xmlns=\"" + OPR_NS
                + "\"><id>hostile-huge</id><title>" + "t".repeat(MAX_TEXT + 1) + "</title></event>")
                .expect(400, "document-limit-exceeded", null));
        cases.add(post("XML title of 1,500,000 characters", event).xml("<event xmlns=\"" + OPR_NS
                + "\"><id>hostile-huger</id><title>" + "t".repeat(MAX_TEXT * 3 / 2) + "</title></event>")
                .expect(400, "document-limit-exceeded", null));
        cases.add(post("XML attribute over 1,000,000 characters", event).xml("<event xmlns=\"" + OPR_NS
                + "\"><id>hostile-huge</id><title a=\"" + "a".repeat(MAX_TEXT + 1) + "\">t</title></event>")
                .expect(400, "document-limit-exceeded", null));
        cases.add(post("change value over 1,000,000 characters", change).json("{\"changed_properties\":"
                + "{\"string_property_change\":{\"property_name\":\"title\",\"current_value\":\""
                + "t".repeat(MAX_TEXT + 1) + "\"}}}").expect(400, "document-limit-exceeded", null));
        cases.add(post("sync-back description over 1,000,000 characters", syncBack).json("{\"external_id\":"
                + "\"hostile\",\"changes\":{\"description\":\"" + "d".repeat(MAX_TEXT + 1) + "\"}}")
                .expect(400, "document-limit-exceeded", null));
        cases.add(post("JSON field name of 100,000 characters", event).json("{\"id\":\"hostile-name\",\""
                + "n".repeat(100_000) + "\":1}").expect(400, "document-limit-exceeded", null));

        // Huge arrays.
        cases.add(post("bulk of 50,000 events", event).json("[" + String.join(",", Collections.nCopies(50_000,
                "{}")) + "]").resentAlone("too-many-items", null));
        cases.add(post("XML bulk of 50,000 events", event).xml("<event_list xmlns=\"" + OPR_NS + "\">"
                + "<event/>".repeat(50_000) + "</event_list>").resentAlone("too-many-items", null));
        cases.add(post("change list of 50,000 changes", changes).json("[" + String.join(",",
                Collections.nCopies(50_000, "{}")) + "]").resentAlone("too-many-items", null));
        cases.add(post("sync-back bulk of 50,000 changes", syncBack).json("[" + String.join(",",
                Collections.nCopies(50_000, "{}")) + "]").expect(413, "too-many-items", null));
        // Within max-body-size, but one record larger than Kafka takes: it can never be published, so it is
        // the client's fault (4xx), not an outage OMi should retry (no slug exists for it yet).
        cases.add(post("event with 150,000 custom attributes", event).json("{\"id\":\"hostile-attributes\","
                + "\"custom_attribute_list\":{\"custom_attribute\":[" + String.join(",", Collections.nCopies(150_000,
                "{\"name\":\"n\",\"value\":\"v\"}")) + "]}}").expect(413, null, null));

        // Invalid UTF-8 (RFC 8259 and XML 1.0 require well-formed UTF-8: anything else is not well-formed).
        cases.add(post("JSON with a 0xFF byte", event).bytes(JSON, utf8("{\"id\":\"hostile-", 0xFF, "\"}"))
                .expect(400, "malformed-document", null));
        cases.add(post("XML with an invalid UTF-8 sequence", event).bytes(XML, utf8("<event xmlns=\"" + OPR_NS
                + "\"><id>hostile-", 0xC3, 0x28, "</id></event>")).expect(400, "malformed-document", null));
        cases.add(post("overlong UTF-8 slash in a change", change).bytes(JSON, utf8("{\"changed_properties\":"
                + "{\"string_property_change\":{\"property_name\":\"title\",\"current_value\":\"..", 0xC0, 0xAF,
                "etc\"}}}")).expect(400, "malformed-document", null));
        cases.add(post("UTF-8 surrogate (CESU-8) in an event id", event).bytes(JSON, utf8("{\"id\":\"hostile-",
                0xED, 0xA0, 0x80, "\"}")).expect(400, "malformed-document", null));
        cases.add(post("UTF-8 cut inside a character in sync-back", syncBack).bytes(JSON,
                utf8("{\"external_id\":\"hostile-", 0xE2, 0x82)).expect(400, "malformed-document", null));
        cases.add(post("Latin-1 declared as a charset", event).bytes("application/json; charset=ISO-8859-1",
                utf8("{\"id\":\"hostile-caf", 0xE9, "\"}")).expect(400, "malformed-document", null));

        // Wrong and missing content types.
        cases.add(post("no Content-Type, form data", event).bytes(null, utf8("id=hostile&title=x"))
                .expect(400, "malformed-document", null));
        cases.add(post("no Content-Type, XML with a DOCTYPE", changes).bytes(null,
                utf8(hostile("xxe-http-change-list.xml"))).expect(400, "forbidden-construct", null));
        cases.add(post("JSON declared, XML sent", event).json("<event xmlns=\"" + OPR_NS + "\"><id>hostile</id></event>")
                .expect(400, "malformed-document", null));
        cases.add(post("XML declared, JSON sent", change).xml(validChange).expect(400, "malformed-document", null));
        cases.add(post("wildcard Content-Type */*", event).type("*/*", "{\"id\":\"hostile\"}")
                .expect(415, "unsupported-media-type", null));
        cases.add(post("wildcard Content-Type application/*", changes).type("application/*", validChangeList)
                .expect(415, "unsupported-media-type", null));
        cases.add(post("unparseable Content-Type", event).type("json;;;/", "{\"id\":\"hostile\"}")
                .expect(415, "unsupported-media-type", null));
        cases.add(post("multipart Content-Type", change).type("multipart/form-data; boundary=x", "--x\r\n\r\n"
                + validChange + "\r\n--x--").expect(415, "unsupported-media-type", null));
        cases.add(post("form Content-Type on the change list", changes).type("application/x-www-form-urlencoded",
                "event_change=x").expect(415, "unsupported-media-type", null));
        cases.add(post("unparseable Content-Type on sync-back", syncBack).type("json;;;/", validSyncBack)
                .expect(415, "unsupported-media-type", null));
        cases.add(post("no Content-Type on sync-back, XML sent", syncBack).bytes(null, utf8("<event_change/>"))
                .expect(400, "malformed-document", null));

        // Duplicate keys below the top level.
        cases.add(post("duplicate key in a nested object", event).json("{\"id\":\"hostile-dup\",\"assigned_user\":"
                + "{\"login_name\":\"a\",\"login_name\":\"b\"}}").expect(400, "malformed-document", null));
        cases.add(post("duplicate key in a change", change).json("{\"changed_properties\":{\"severity_property_change\":"
                + "{\"property_name\":\"severity\",\"current_value\":\"minor\",\"current_value\":\"major\"}}}")
                .expect(400, "malformed-document", null));
        cases.add(post("duplicate event_ref in a change list", changes).json("{\"event_change\":[{\"event_ref\":"
                + "{\"target_global_id\":\"" + KNOWN + "\"},\"event_ref\":{\"target_global_id\":\"other\"}}]}")
                .resentAlone("malformed-document", null));
        cases.add(post("duplicate key in sync-back changes", syncBack).json("{\"external_id\":\"" + KNOWN + "\","
                + "\"changes\":{\"state\":\"closed\",\"state\":\"open\"}}").expect(400, "malformed-document", null));

        // Numbers out of range.
        cases.add(post("XML count out of range", event).xml("<event xmlns=\"" + OPR_NS + "\"><id>hostile-n</id>"
                + "<duplicate_count>99999999999999999999</duplicate_count></event>")
                .expect(400, "invalid-field", "/event/duplicate_count"));
        cases.add(post("version of 1e400", event).json("{\"id\":\"hostile-n\",\"version\":1e400}")
                .expect(400, "invalid-field", "/version"));
        // README: a number over 32 digits is a document limit, refused before its field is known.
        cases.add(post("count with 40 digits", event).json("{\"id\":\"hostile-n\",\"duplicate_count\":"
                + "9".repeat(40) + "}").expect(400, "document-limit-exceeded", null));
        cases.add(post("sequence number out of range in a change list", changes).json("{\"event_change\":["
                + "{\"sequence_number\":99999999999999999999,\"event_ref\":{\"target_global_id\":\"" + KNOWN + "\"}}]}")
                .resentAlone("invalid-field", "/event_change/0/sequence_number"));

        // Path traversal and control characters in URL paths (GET and change endpoints).
        cases.add(post("change path with encoded slashes", "/opr/event_change/..%2F..%2Fevent").json(validChange)
                .expect(400, "rejected-request", null));
        cases.add(post("change path with NUL", "/opr/event_change/a%00b").json(validChange)
                .expect(400, "rejected-request", null));
        cases.add(post("change path with CR LF (header injection)", "/opr/event_change/a%0d%0aSet-Cookie:%20x=y")
                .json(validChange).expect(400, "rejected-request", null));
        cases.add(post("change path with encoded dots", "/opr/event_change/%2e%2e").json(validChange)
                .expect(400, "rejected-request", null));
        cases.add(post("change path with raw dot segments", "/opr/event_change/" + KNOWN + "/../../event")
                .json("{\"id\":\"hostile-traversal\"}").expect(400, "rejected-request", null));
        cases.add(post("change path with a tab", "/opr/event_change/a%09b").json(validChange)
                .expect(404, "unknown-event", null));
        cases.add(post("change path id over 256 characters", "/opr/event_change/" + "x".repeat(300))
                .json(validChange).expect(404, "unknown-event", null));
        cases.add(request("GET", "get path with raw dot segments to sync-back", get + "../../sync-back")
                .expect(400, "rejected-request", null));
        cases.add(request("GET", "get path with a backslash", get + "..%5c..%5cactuator")
                .expect(400, "rejected-request", null));
        cases.add(request("GET", "get path double-encoded", get + "%252e%252e%252factuator")
                .expect(400, "rejected-request", null));
        cases.add(request("GET", "get path with a semicolon", get + KNOWN + ";jsessionid=1")
                .expect(400, "rejected-request", null));
        cases.add(request("GET", "get path with a double slash", "/opr/event//" + KNOWN)
                .expect(400, "rejected-request", null));
        cases.add(request("GET", "get path with ESC", get + "a%1b%5b2Jb").expect(404, "unknown-event", null));
        cases.add(request("GET", "get path with DEL", get + "a%7fb").expect(404, "unknown-event", null));
        cases.add(request("GET", "get path with an overlong UTF-8 slash", get + "..%c0%af..%c0%afetc")
                .expect(404, "unknown-event", null));
        cases.add(request("GET", "get path with a right-to-left override", get + "%E2%80%AEexe.txt")
                .expect(404, "unknown-event", null));
        cases.add(request("GET", "get path id over 256 characters", get + "y".repeat(300))
                .expect(404, "unknown-event", null));
        cases.add(request("GET", "raw control byte in the request line", get + "a\u0001b").refusedByDecoder(400));
        cases.add(request("HEAD", "ping with CR LF in the path", "/opr/%0d%0a").expect(400, "rejected-request", null));

        // Path traversal and control characters inside documents.
        cases.add(post("dot segments in an event id are data", event).json("{\"id\":\"../../etc/passwd\"}")
                .accepted("../../etc/passwd"));
        cases.add(post("XML 1.1 control characters in an id", event).xml(hostile("xml11-control-characters-in-id.xml"))
                .expect(400, "invalid-field", "/event/id"));
        cases.add(post("CR LF in an XML id", event).xml("<event xmlns=\"" + OPR_NS + "\"><id>hostile&#13;&#10;"
                + "Set-Cookie: x=y</id></event>").expect(400, "invalid-field", "/event/id"));
        cases.add(post("tab in a bulk item id", event).xml("<event_list xmlns=\"" + OPR_NS + "\"><event><id>ok</id>"
                + "</event><event><id>ok</id></event><event><id>a&#9;b</id></event></event_list>")
                .resentAlone("invalid-field", "/event_list/event/2/id"));
        cases.add(post("control character in a change's event_ref", change).json("{\"event_ref\":"
                + "{\"target_global_id\":\"" + KNOWN + "\\u0007\"}," + validChange.substring(1))
                .expect(400, "invalid-field", "/event_ref/target_global_id"));
        cases.add(post("BEL in a change list target_global_id", changes).json("{\"event_change\":[{\"event_ref\":"
                + "{\"target_global_id\":\"a\\u0007b\"}}]}")
                .resentAlone("invalid-field", "/event_change/0/event_ref/target_global_id"));
        cases.add(post("ESC in a change list target_id", changes).json("{\"event_change\":[{\"event_ref\":"
                + "{\"target_id\":\"../\\u001b[31m\"}}]}")
                .resentAlone("invalid-field", "/event_change/0/event_ref/target_id"));
        cases.add(post("line feed in a sync-back external id", syncBack).json("{\"external_id\":\"" + KNOWN
                + "\\nx\",\"changes\":{\"state\":\"closed\"}}").expect(400, "invalid-field", "/external_id"));

        // Oversized headers (bound: 16KB) and request line. README: Reactor Netty's decoder refuses these before
        // the application sees them, with a bare status line and a closed connection.
        cases.add(post("a 20 KB header", event).json("{\"id\":\"hostile-header\"}").header("X-Padding",
                "p".repeat(20_000)).refusedByDecoder(431));
        cases.add(request("GET", "300 headers", get + KNOWN).headers(300, "X-Hostile-", "h".repeat(60))
                .refusedByDecoder(431));
        cases.add(post("a 20 KB Authorization header", event).json("{\"id\":\"hostile-header\"}")
                .header("Authorization", "Basic " + base64("omi:" + "omi-sandbox".repeat(1_500)))
                .refusedByDecoder(431));
        cases.add(request("GET", "a 10 KB request line", get + "z".repeat(10_000)).refusedByDecoder(414));

        // Too-large bodies, by declared length and chunked, and lengths that lie (refused by the HTTP decoder,
        // as above).
        cases.add(post("change declaring 5 MB, sending 1 KB", change).json("{\"changed_properties\":\""
                + "c".repeat(1_000)).declare(5L * 1024 * 1024).expect(413, "body-too-large", null));
        cases.add(post("chunked change list over 4 MB", changes).json("{\"event_change\":[{\"title\":\""
                + "c".repeat(MAX_BODY) + "\"}]}").chunked().resentAlone("body-too-large", null));
        cases.add(post("chunked sync-back over 4 MB", syncBack).json("{\"external_id\":\"hostile\",\"changes\":"
                + "{\"description\":\"" + "d".repeat(MAX_BODY) + "\"}}").chunked().expect(413, "body-too-large", null));
        cases.add(post("Expect 100-continue declaring 5 MB", event).json("").declare(5L * 1024 * 1024)
                .header("Expect", "100-continue").expect(413, "body-too-large", null));
        cases.add(post("Content-Length beyond 64 bits", event).json("{\"id\":\"hostile-length\"}")
                .declare(null).header("Content-Length", "99999999999999999999").refusedByDecoder(400));
        cases.add(post("negative Content-Length", event).json("{\"id\":\"hostile-length\"}").declare(null)
                .header("Content-Length", "-1").refusedByDecoder(400));
        cases.add(post("Content-Length and chunked together (smuggling)", event).json("{\"id\":\"hostile-smuggled\"}")
                .chunked().header("Content-Length", "3").refusedByDecoder(400));

        // Credentials: refused, and never repeated back.
        cases.add(post("wrong password", event).json("{\"id\":\"hostile-auth\"}")
                .auth("Basic " + base64("omi:omi-sandbox-but-wrong")).expect(401, "unauthorized", null));
        cases.add(post("Basic credentials that are not base64", event).json("{\"id\":\"hostile-auth\"}")
                .auth("Basic %%omi:omi-sandbox%%").expect(401, "unauthorized", null));
        cases.add(post("Basic credentials without a colon", change).json(validChange)
                .auth("Basic " + base64("omi-sandbox")).expect(401, "unauthorized", null));
        cases.add(request("TRACE", "TRACE does not reflect the request", event).expect(400, "rejected-request", null));

        // Actuator: open without credentials, so only what is exposed, and nothing through it.
        cases.add(request("GET", "actuator path with encoded slashes", "/actuator/health/..%2F..%2Fenv").noAuth()
                .expect(400, "rejected-request", null));
        cases.add(request("GET", "actuator env is not exposed", "/actuator/env").noAuth()
                .expect(404, "not-found", null));
        cases.add(request("GET", "actuator heapdump is not exposed", "/actuator/heapdump").noAuth()
                .expect(404, "not-found", null));
        cases.add(request("GET", "actuator path with NUL", "/actuator/health%00").noAuth()
                .expect(400, "rejected-request", null));
        cases.add(post("POST to the prometheus endpoint", "/actuator/prometheus").noAuth().json("{}")
                .expect(405, "method-not-allowed", null));
        cases.add(request("GET", "actuator with an unparseable Accept", "/actuator/health").noAuth()
                .header("Accept", "application/json;;;q=x,/").expect(406, "not-acceptable", null));

        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(1)
    void hostileRequestGetsItsProblemEchoesNoSecretAndTheGatewayKeepsServing(Case hostile) throws IOException {
        RawHttp.Response answer;
        try {
            answer = RawHttp.exchange(port, "127.0.0.1:" + port, hostile.toRequest(this), ANSWER_WITHIN);
        } catch (SocketTimeoutException e) {
            assertStillServing();
            fail("no answer within " + ANSWER_WITHIN + ": the gateway hangs on this request");
            return;
        }
        String shown = answer.status() + " " + abbreviate(answer.everything());

        // Soft: a wrong status must not hide whether the gateway still serves, nor the other way round.
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(answer.everything()).as("the answer repeats a password: %s", shown)
                .doesNotContain(PASSWORD, SYNC_BACK_PASSWORD, base64(SERVER + ":" + PASSWORD),
                        base64(SYNC_BACK_CLIENT + ":" + SYNC_BACK_PASSWORD), "root:x:0:0");
        softly.assertThat(answer.headers()).as("header injection: %s", shown).doesNotContainKey("set-cookie");
        softly.assertThat(answer.status()).as("status: %s", shown).isEqualTo(hostile.status);
        if (hostile.acceptedOmiId == null) {
            softly.assertThatCode(() -> assertProblem(hostile, answer, shown)).doesNotThrowAnyException();
        } else if (answer.status() == 200) {
            softly.assertThatCode(() -> assertAccepted(hostile, answer, shown)).doesNotThrowAnyException();
        }
        softly.assertThat(canary.connections()).as("the gateway connected to the canary (XXE)").isZero();
        softly.assertThatCode(this::assertStillServing).as("a valid event right after it").doesNotThrowAnyException();
        softly.assertAll();
    }

    @Test
    @Order(2)
    void slowHeadersDoNotStopOthersAndTheServerEndsTheConnection() throws IOException {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.getOutputStream().write(("POST /opr/event HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                        .getBytes(StandardCharsets.ISO_8859_1));
                slow.add(socket);
            }
            assertStillServing();
            boolean ended = trickleUntilEnded(slow.get(0), "s".getBytes(StandardCharsets.ISO_8859_1));
            assertStillServing();
            assertThat(ended).as("the server kept a connection open that sent one header byte every 250 ms for "
                    + "%s: nothing bounds how long a request's headers may take (slowloris)", SLOW_WAIT).isTrue();
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    @Order(3)
    void aBodyThatNeverCompletesDoesNotStopOthersAndIsEnded() throws IOException {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.getOutputStream().write(("POST /opr/event HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                        + base64(SERVER + ":" + PASSWORD) + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{\"id\":\"hostile-slow-body-" + i + "\",\"title\":\"")
                        .getBytes(StandardCharsets.ISO_8859_1));
                slow.add(socket);
            }
            assertStillServing();
            boolean ended = trickleUntilEnded(slow.get(0), "b".getBytes(StandardCharsets.ISO_8859_1));
            assertStillServing();
            assertThat(ended).as("the server kept waiting for a body that sent one byte every 250 ms for %s: "
                    + "nothing bounds how long a request body may take", SLOW_WAIT).isTrue();
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    @Order(4)
    void everythingAcknowledgedIsStillOnTheTopicAndNothingHostileWasPublished() throws IOException {
        List<String> expected = List.copyOf(acknowledged);
        // Raw values: one unreadable record must be named, not stop the reader at its offset.
        List<ConsumerRecord<String, byte[]>> records = io.eventsync.testkit.TopicReader.readUntil(bootstrap(), topic(),
                new ByteArrayDeserializer(),
                r -> r.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(expected),
                Duration.ofSeconds(20));
        Deserializer<OprRecord> contract = new OprRecordSerde().deserializer();
        Map<String, OprRecord> readable = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                readable.put(record.key(), contract.deserialize(record.topic(), record.value()));
            } catch (RuntimeException e) {
                unreadable.add(record.key() + " at " + record.partition() + "/" + record.offset() + " ("
                        + record.value().length + " bytes): " + e.getCause());
            }
        }

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(records).extracting(ConsumerRecord::key).as("records on the topic")
                .containsExactlyInAnyOrderElementsOf(expected);
        softly.assertThat(unreadable).as("records subscribers cannot read with the contract's serde").isEmpty();
        externalIdsBefore.forEach((omiId, externalId) -> softly.assertThat(readable.get(omiId))
                .as("event acknowledged before the corpus").isNotNull()
                .extracting(OprRecord::externalId).isEqualTo(externalId));
        softly.assertThat(io.eventsync.testkit.TopicReader.readToEnd(bootstrap(), SYNC_BACK_TOPIC,
                new ByteArrayDeserializer())).as("sync-back records").isEmpty();
        softly.assertThat(canary.connections()).as("connections to the XXE canary").isZero();
        // A client's document must never reach the producer as something Kafka refuses.
        String metrics = RawHttp.exchange(port, "127.0.0.1:" + port, new RawHttp.Request("GET", "/actuator/prometheus")
                .header("Connection", "close"), ANSWER_WITHIN).bodyText();
        softly.assertThat(metrics.lines().filter(line -> line.startsWith("eventsync_gateway_kafka_errors_total")))
                .as("producer errors").isEmpty();
        // What OMi was answered 200 for, it can read back (and so change): every event but the probes between
        // cases, and the last probe, which shows that the read model went past everything.
        List<String> answered = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Map<String, String> headers = TopicReader.headers(record);
            if ("event".equals(headers.get(RecordHeaderNames.KIND)) && !record.key().startsWith("after-")) {
                answered.add(headers.get(RecordHeaderNames.EXTERNAL_ID));
            }
        }
        answered.add(lastExternalId);
        for (String externalId : answered) {
            softly.assertThatCode(() -> omi.get().uri("/event/{id}", externalId).accept(MediaType.APPLICATION_JSON)
                    .exchange().expectStatus().isOk().expectBody().returnResult())
                    .as("GET /event/%s", externalId).doesNotThrowAnyException();
        }
        softly.assertAll();
    }

    /**
     * Sends one byte every 250 ms until the server ends the connection (closes it, resets it, or
     * answers), for at most {@link #SLOW_WAIT}.
     */
    private static boolean trickleUntilEnded(Socket socket, byte[] unit) throws IOException {
        socket.setSoTimeout(250);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        long deadline = System.nanoTime() + SLOW_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                out.write(unit);
                out.flush();
            } catch (IOException closed) {
                return true;
            }
            try {
                // A byte is an answer (408, 400...), -1 a close: either way the server ended it.
                in.read();
                return true;
            } catch (SocketTimeoutException stillOpen) {
                // Nothing yet: the server is still waiting for the rest.
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    private void assertProblem(Case hostile, RawHttp.Response answer, String shown) {
        if (hostile.byDecoder) {
            assertThat(answer.body()).as("body of a decoder refusal: %s", shown).isEmpty();
            return;
        }
        if ("HEAD".equals(hostile.method)) {
            assertThat(answer.header("content-type")).as("content type: %s", shown)
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            return;
        }
        assertThat(answer.header("content-type")).as("not a problem document: %s", shown).isNotNull();
        assertThat(MediaType.parseMediaType(answer.header("content-type"))
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("not a problem document: %s", shown).isTrue();
        JsonNode problem = codec.jsonMapper().readTree(answer.body());
        String type = problem.path("type").asString();
        assertThat(type).as("problem type: %s", shown).startsWith("urn:eventsync:problem:");
        if (hostile.type != null) {
            assertThat(type).as("problem type: %s", shown).isEqualTo("urn:eventsync:problem:" + hostile.type);
        }
        assertThat(problem.path("status").asInt()).as("problem status: %s", shown).isEqualTo(hostile.status);
        assertThat(problem.path("detail").asString()).as("problem detail: %s", shown).isNotBlank();
        if (hostile.pointer != null) {
            assertThat(problem.path("errors").path(0).path("pointer").asString()).as("pointer: %s", shown)
                    .isEqualTo(hostile.pointer);
        }
        if (hostile.cause != null) {
            assertThat(problem.path("items").path(0).path("type").asString(problem.path("cause").asString()))
                    .as("what each item, or the bulk as a whole, would be refused for: %s", shown)
                    .isEqualTo(hostile.cause);
        }
        if (hostile.status == 401) {
            assertThat(answer.header("www-authenticate")).isEqualTo("Basic realm=\"eventsync\"");
        }
    }

    /** A hostile-looking document that is valid: accepted, and nothing in it was resolved or fetched. */
    private void assertAccepted(Case hostile, RawHttp.Response answer, String shown) {
        assertThat(answer.header("content-type")).as("answer type: %s", shown).startsWith(JSON);
        OprEvent event = (OprEvent) codec.read(answer.body(), OprFormat.JSON, Expect.EVENTS);
        assertThat(UUID.fromString(event.id())).as("external id: %s", shown).isNotNull();
        acknowledged.add(hostile.acceptedOmiId);
    }

    /** A valid event right after a hostile request is acknowledged, and health still answers. */
    private void assertStillServing() {
        String omiId = "after-" + UUID.randomUUID();
        OprEvent answer = (OprEvent) forward("{\"id\":\"" + omiId + "\",\"title\":\"still serving\","
                + "\"severity\":\"minor\"}", MediaType.APPLICATION_JSON);
        acknowledged.add(omiId);
        lastExternalId = answer.id();
        anonymous.mutate().baseUrl("http://127.0.0.1:" + port).build().get().uri("/actuator/health/liveness")
                .exchange().expectStatus().isOk().expectBody().returnResult();
    }

    private Object forward(String body, MediaType type) {
        byte[] answer = omi.post().uri("/event").contentType(type).accept(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return codec.read(answer, OprFormat.JSON, Expect.EVENTS);
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    static String hostile(String name) {
        try (InputStream in = HostileInputIT.class.getResourceAsStream("/hostile/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Text and raw bytes (ints), concatenated: for bytes no String can hold. */
    private static byte[] utf8(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer) {
                out.write((Integer) part);
            } else {
                out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static Case post(String name, String target) {
        return new Case(name, "POST", target);
    }

    private static Case request(String method, String name, String target) {
        return new Case(name, method, target);
    }

    /** One hostile request and what the gateway must answer. */
    static final class Case {
        final String name;
        final String method;
        final String target;
        final List<String[]> headers = new ArrayList<>();
        String contentType;
        byte[] body = new byte[0];
        String auth = "";
        boolean chunked;
        Long declaredLength;
        boolean declaredByHand;
        int status;
        String type;
        String pointer;
        String cause;
        boolean byDecoder;
        String acceptedOmiId;

        Case(String name, String method, String target) {
            this.name = name;
            this.method = method;
            this.target = target;
        }

        Case json(String text) {
            return bytes(JSON, text.getBytes(StandardCharsets.UTF_8));
        }

        Case xml(String text) {
            return bytes(XML, text.getBytes(StandardCharsets.UTF_8));
        }

        Case type(String type, String text) {
            return bytes(type, text.getBytes(StandardCharsets.UTF_8));
        }

        Case bytes(String type, byte[] bytes) {
            this.contentType = type;
            this.body = bytes;
            return this;
        }

        Case header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Case headers(int count, String prefix, String value) {
            for (int i = 0; i < count; i++) {
                header(prefix + i, value);
            }
            return this;
        }

        Case auth(String authorization) {
            this.auth = authorization;
            return this;
        }

        Case noAuth() {
            this.auth = null;
            return this;
        }

        Case chunked() {
            this.chunked = true;
            return this;
        }

        /** Declares this length instead of the body's; {@code null}: the case sets Content-Length itself. */
        Case declare(Long length) {
            this.declaredLength = length;
            this.declaredByHand = length == null;
            return this;
        }

        /** A bulk answered 501, so that OMi resends each item alone; {@code cause} is what refused it. */
        Case resentAlone(String why, String firstPointer) {
            this.cause = why;
            return expect(501, "resend-items-alone", firstPointer);
        }

        Case expect(int status, String type, String pointer) {
            this.status = status;
            this.type = type;
            this.pointer = pointer;
            return this;
        }

        /** Refused by Reactor Netty's HTTP decoder (README): a bare status line, no body, connection closed. */
        Case refusedByDecoder(int status) {
            this.byDecoder = true;
            return expect(status, null, null);
        }

        Case accepted(String omiId) {
            this.acceptedOmiId = omiId;
            return expect(200, null, null);
        }

        RawHttp.Request toRequest(HostileInputIT test) {
            RawHttp.Request request = new RawHttp.Request(method, fill(target, test));
            String authorization = auth;
            if ("".equals(authorization)) {
                authorization = target.startsWith("/sync-back")
                        ? "Basic " + base64(SYNC_BACK_CLIENT + ":" + SYNC_BACK_PASSWORD)
                        : target.startsWith("/opr") ? "Basic " + base64(SERVER + ":" + PASSWORD) : null;
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (headers.stream().noneMatch(h -> "accept".equalsIgnoreCase(h[0]))) {
                request.header("Accept", JSON);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(h -> request.header(h[0], fill(h[1], test)));
            request.header("Connection", "close");
            // Placeholders only in bodies small enough to search; the large ones fail before any lookup.
            request.body = body.length < 256 * 1024
                    ? fill(new String(body, StandardCharsets.ISO_8859_1), test).getBytes(StandardCharsets.ISO_8859_1)
                    : body;
            request.chunked = chunked;
            request.declaredLength = declaredLength;
            request.noContentLength = declaredByHand;
            return request;
        }

        private static String fill(String text, HostileInputIT test) {
            return text.replace(KNOWN, test.known)
                    .replace(CANARY, test.canary.url());
        }

        @Override
        public String toString() {
            String path = target.replace(KNOWN, "{known}").replaceAll("[^\\x20-\\x7e]", "?");
            return method + " " + (path.length() > 48 ? path.substring(0, 48) + "..." : path) + ": " + name + " -> "
                    + status
                    + (type == null ? "" : " " + type) + (pointer == null ? "" : " " + pointer);
        }
    }

    /** A loopback server that only counts who connects: any connection is the gateway fetching. */
    static final class Canary implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicInteger connections = new AtomicInteger();

        Canary() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket ignored = server.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        // closed at the end of the class
                    }
                }
            }, "xxe-canary");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
