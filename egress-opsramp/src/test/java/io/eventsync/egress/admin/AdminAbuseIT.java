package io.eventsync.egress.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.eventsync.egress.EgressApplication;
import io.eventsync.egress.config.AdminProperties;
import io.eventsync.testkit.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input against the admin API, over real sockets, against a real broker, under the
 * production egress policy: forged and misplaced credentials, SSRF targets in every URL field,
 * patterns meant to stall matching, event values meant to reshape a payload, and malformed
 * paths, bodies and encodings. After every case the API must still serve and the routes defined
 * before it must still be there ({@link #theApiStillServesAndKeepsItsRoutes()}).
 *
 * <p>Hostile requests go through {@link #send} (a plain socket) rather than WebTestClient, because
 * a client library normalises, encodes or refuses exactly the bytes these cases are about.
 */
@SpringBootTest(classes = EgressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + EgressApplication.CONFIG_NAME)
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminAbuseIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Reads a rendered payload as a strict receiver would: a second key or document is an error. */
    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final String ROUTE_TOPIC = KafkaBroker.uniqueTopic("egress.routes");
    private static final String EVENTS = "/api/v2/tenants/client_1/integrations/installed/INTG-sandbox";
    private static final String OTHER_TENANT = "/api/v2/tenants/client_2/integrations/installed/INTG-other";
    private static final String ADMIN_SECRET = "admin-sandbox";
    private static final String AUDITOR_SECRET = "auditor-secret-7731";
    private static final String NOTIFIER_SECRET = "notifier-secret-6240";
    /** k8s/overlays/prod: with an allowlist it is the only way out, and no loopback is on it. */
    private static final String PRODUCTION_ALLOWLIST = "example.api.opsramp.com,omi.example.com";
    private static final String PUBLIC_BASE = "https://example.api.opsramp.com";
    private static final String SENTINEL_NAME = "defined before the abuse";
    private static final String SENTINEL = "{sentinel}";
    /** Every field of a route that names a target the policy judges. */
    private static final List<String> URL_FIELDS = List.of("/endPointURI", "/notifier/baseURI",
            "/notifier/accessTokenURL");

    @LocalServerPort
    int port;

    @Autowired
    AdminProperties adminProperties;

    WebTestClient anonymous;
    WebTestClient admin;
    String adminToken;
    String sentinelId;
    boolean sentinelIntact;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AdminApiIT.adminApp(registry, ROUTE_TOPIC);
        // The production policy: the default allowlist is the sandbox's, which lets loopback ports out.
        registry.add("eventsync.egress.allowlist", () -> PRODUCTION_ALLOWLIST);
        // A second tenant, so that one tenant's path can be tried on another's routes; base notifiers
        // as in production (OPSRAMP_URL), not the sandbox's loopback receiver.
        integration(registry, 0, "client_1", "INTG-sandbox");
        integration(registry, 1, "client_2", "INTG-other");
        // A second admin client, so that one client's secret can be tried as another's.
        registry.add("eventsync.egress.admin.clients[0].id", () -> "admin");
        registry.add("eventsync.egress.admin.clients[0].secret", () -> ADMIN_SECRET);
        registry.add("eventsync.egress.admin.clients[1].id", () -> "auditor");
        registry.add("eventsync.egress.admin.clients[1].secret", () -> AUDITOR_SECRET);
    }

    private static void integration(DynamicPropertyRegistry registry, int index, String tenant, String integration) {
        String at = "eventsync.egress.tenants[" + index + "]";
        registry.add(at + ".id", () -> tenant);
        registry.add(at + ".integrations[0].id", () -> integration);
        registry.add(at + ".integrations[0].base-notifier.type", () -> "REST_API");
        registry.add(at + ".integrations[0].base-notifier.baseURI", () -> PUBLIC_BASE);
        registry.add(at + ".integrations[0].base-notifier.authType", () -> "NONE");
    }

    @BeforeEach
    void clients() {
        if (anonymous == null) {
            anonymous = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                    .responseTimeout(Duration.ofSeconds(30)).build();
            adminToken = issuedToken();
            admin = anonymous.mutate().defaultHeaders(h -> h.setBearerAuth(adminToken)).build();
        }
        // Created once; again only when a case did away with it (that case has failed in @AfterEach).
        if (!sentinelIntact) {
            ObjectNode sentinel = JSON.createObjectNode().put("name", SENTINEL_NAME).put("entity", "INCIDENT")
                    .put("eventType", "CREATE").put("useBaseNotifier", true).put("endPointURI", "/alerts");
            sentinelId = admin.post().uri(EVENTS + "/event").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(sentinel).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                    .getResponseBody().path("id").asString();
            sentinelIntact = true;
        }
    }

    /** (f): whatever a case sent, the API serves a valid request next and has lost no route. */
    @AfterEach
    void theApiStillServesAndKeepsItsRoutes() {
        sentinelIntact = false;
        String token = issuedToken();
        JsonNode listed = anonymous.get().uri(EVENTS + "/events").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(listed.path("results").findValuesAsString("id")).contains(sentinelId, "configured-alerts");
        assertThat(names(listed)).contains(SENTINEL_NAME);
        sentinelIntact = true;
    }

    /** The names of the routes a list answer holds. */
    private static List<String> names(JsonNode listed) {
        return listed.path("results").findValuesAsString("name");
    }

    private List<String> routeNames() {
        return names(admin.get().uri(EVENTS + "/events").exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody());
    }

    // ---------------------------------------------------------------- (a) credentials

    /** What a request carries instead of a good token: headers, and a query string to add. */
    private record Credentials(List<String> headers, String query) {
        static Credentials header(String line) {
            return new Credentials(List.of(line), "");
        }
    }

    Stream<Arguments> refusedCredentials() {
        return Stream.of(
                refused("no credentials at all", key -> new Credentials(List.of(), "")),
                refused("an empty bearer", key -> Credentials.header("Authorization: Bearer ")),
                refused("a bearer of characters no token has", key -> Credentials.header("Authorization: Bearer %%.@@.!!")),
                refused("three base64url parts that are no JWT",
                        key -> Credentials.header("Authorization: Bearer eyJub3QiOiJqc29uIg.eyJ4Ijp9.c2lnbmF0dXJl")),
                refused("the client secret itself as a bearer",
                        key -> Credentials.header("Authorization: Bearer " + ADMIN_SECRET)),
                refused("the client credentials as HTTP Basic", key -> Credentials.header("Authorization: Basic "
                        + Base64.getEncoder().encodeToString(("admin:" + ADMIN_SECRET).getBytes(StandardCharsets.UTF_8)))),
                refused("a token signed with another key", key -> bearer(jwt("HS256", "HmacSHA256",
                        "another-deployments-token-key-32-bytes!".getBytes(StandardCharsets.UTF_8), validClaims()))),
                refused("an unsigned token (alg none)", key -> bearer(jwt("none", null, key, validClaims()))),
                refused("a token that expired an hour ago", key -> bearer(jwt("HS256", "HmacSHA256", key,
                        claims(Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(2))))),
                refused("a token not valid for another hour (nbf)", key -> {
                    Map<String, Object> claims = claims(Instant.now(), Duration.ofHours(3));
                    claims.put("nbf", Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
                    return bearer(jwt("HS256", "HmacSHA256", key, claims));
                }),
                refused("a token signed HS512 with the right key",
                        key -> bearer(jwt("HS512", "HmacSHA512", key, validClaims()))),
                refused("a good token whose claims were changed after signing", key -> {
                    String[] good = jwt("HS256", "HmacSHA256", key, validClaims()).split("\\.");
                    Map<String, Object> widened = claims(Instant.now(), Duration.ofDays(3650));
                    widened.put("sub", "root");
                    return bearer(good[0] + "." + base64Url(JSON.writeValueAsBytes(widened)) + "." + good[2]);
                }),
                refused("a good token with its signature cut short", key -> {
                    String good = jwt("HS256", "HmacSHA256", key, validClaims());
                    return bearer(good.substring(0, good.length() - 6));
                }),
                refused("a good token in the query string instead of the header", key -> new Credentials(List.of(),
                        "?access_token=" + jwt("HS256", "HmacSHA256", key, validClaims()))));
    }

    /** A hostile string, named {@link #visible}ly. */
    private static Named<String> shown(String value) {
        return Named.of(visible(value), value);
    }

    /**
     * {@code text} with what a reader cannot see, or an XML report cannot hold, written as
     * {@code \\uXXXX}: test names and failure messages end up in Failsafe's XML reports.
     */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            boolean invisible = c < 0x20 || c == 0x7f || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF
                    || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) && !paired;
            out.append(invisible ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static Arguments refused(String name, Function<byte[], Credentials> credentials) {
        return Arguments.of(Named.of(name, credentials));
    }

    @Order(1)
    @Test
    void aTokenSignedWithTheConfiguredKeyIsAcceptedSoTheForgeriesBelowFailForWhatTheyChange() {
        Credentials forged = bearer(jwt("HS256", "HmacSHA256", tokenKey(), validClaims()));
        Answer answer = send("GET", EVENTS + "/events", forged.headers(), null);
        assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCredentials")
    void withoutAGoodBearerTokenTheApiAnswers401AndEchoesNothing(Function<byte[], Credentials> make,
                                                                 CapturedOutput output) {
        Credentials credentials = make.apply(tokenKey());

        Answer read = send("GET", EVENTS + "/events" + credentials.query(), credentials.headers(), null);
        Answer write = send("POST", EVENTS + "/event" + credentials.query(),
                with(credentials.headers(), "Content-Type: application/json"),
                json(JSON.createObjectNode().put("name", "intruder").put("entity", "ALERT").put("eventType", "CREATE")
                        .put("useBaseNotifier", true)));

        for (Answer answer : List.of(read, write)) {
            assertThat(answer.status()).as(answer.describe()).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).as(answer.describe()).startsWith("Bearer");
            assertThat(answer.everything()).doesNotContain(ADMIN_SECRET).doesNotContain(AUDITOR_SECRET)
                    .doesNotContain(sentinelId).doesNotContain("intruder");
        }
        assertThat(routeNames()).as("nothing was stored").doesNotContain("intruder");
        assertThat(output.getAll()).doesNotContain(ADMIN_SECRET).doesNotContain(AUDITOR_SECRET);
    }

    static Stream<Arguments> refusedClientCredentials() {
        return Stream.of(
                Arguments.of("admin", ""),
                Arguments.of("admin", AUDITOR_SECRET),
                Arguments.of("auditor", ADMIN_SECRET),
                Arguments.of("admin", ADMIN_SECRET.substring(0, ADMIN_SECRET.length() - 1)),
                Arguments.of("admin", ADMIN_SECRET + " "),
                Arguments.of("admin", shown(ADMIN_SECRET + "\u0000")),
                Arguments.of("admin", ADMIN_SECRET.toUpperCase(Locale.ROOT)),
                Arguments.of("ADMIN", ADMIN_SECRET),
                Arguments.of("admin", null),
                Arguments.of(null, ADMIN_SECRET),
                Arguments.of("admin' OR '1'='1", "x' OR '1'='1"),
                Arguments.of("admin", Named.of("20,000 x", "x".repeat(20_000))));
    }

    @Order(3)
    @ParameterizedTest(name = "client_id={0} client_secret={1}")
    @MethodSource("refusedClientCredentials")
    void theTokenCallRefusesEveryOtherSecretAsInvalidClientAndEchoesNone(String clientId, String secret,
                                                                        CapturedOutput output) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (clientId != null) {
            form.append("&client_id=").append(URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        }
        if (secret != null) {
            form.append("&client_secret=").append(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }

        Answer answer = send("POST", TokenEndpoint.PATH, List.of("Content-Type: application/x-www-form-urlencoded"),
                form.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.describe()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).path("error").asString()).isEqualTo("invalid_client");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.everything()).doesNotContain("access_token").doesNotContain(ADMIN_SECRET)
                .doesNotContain(AUDITOR_SECRET);
        // Too short a secret would be found in any answer by chance.
        if (secret != null && secret.length() > 3) {
            assertThat(answer.everything()).doesNotContain(secret.trim());
            assertThat(output.getAll()).doesNotContain(secret.trim());
        }
        assertThat(output.getAll()).doesNotContain(ADMIN_SECRET).doesNotContain(AUDITOR_SECRET);
    }

    static Stream<Arguments> anotherTenantsPath() {
        List<String> paths = List.of(OTHER_TENANT, "/api/v2/tenants/client_2/integrations/installed/INTG-sandbox",
                "/api/v2/tenants/client_1/integrations/installed/INTG-other");
        return paths.stream().flatMap(path -> Stream.of("GET", "PUT", "DELETE").map(method -> Arguments.of(method, path)));
    }

    /**
     * Admin clients are not bound to tenants (every token carries scope global:manage), so what keeps
     * tenants apart is the path: a route is found only under its own tenant and integration.
     */
    @Order(4)
    @ParameterizedTest(name = "{0} {1}/event/<a route of client_1>")
    @MethodSource("anotherTenantsPath")
    void aRouteCannotBeReadChangedOrDeletedThroughAnotherTenantsPath(String method, String path) {
        byte[] body = method.equals("PUT") ? json(JSON.createObjectNode().put("name", "hijacked").put("entity", "ALERT")
                .put("eventType", "CREATE").put("useBaseNotifier", true)) : null;

        Answer answer = send(method, path + "/event/" + sentinelId,
                body == null ? bearerHeader() : with(bearerHeader(), "Content-Type: application/json"), body);

        assertProblem(answer, Set.of(404));
        assertThat(answer.body()).doesNotContain(SENTINEL_NAME);
        assertThat(admin.get().uri(OTHER_TENANT + "/events").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("results").findValuesAsString("id"))
                .doesNotContain(sentinelId);
    }

    // ---------------------------------------------------------------- (b) SSRF

    static Stream<Arguments> forbiddenTargets() {
        List<String> targets = List.of(
                // loopback, as the admin API itself listens there
                "http://127.0.0.1/", "http://127.1/", "http://127.255.255.254:8082/actuator", "http://localhost:8082/",
                "http://LOCALHOST/", "http://admin.localhost/", "http://localhost./", "http://[::1]/",
                "http://[0:0:0:0:0:0:0:1]:8082/", "http://0.0.0.0:8082/", "http://0/", "http://[::]/",
                "127.0.0.1:8082/actuator/health",
                // link-local and cloud metadata
                "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "http://metadata.google.internal/computeMetadata/v1/", "http://METADATA.google.internal/",
                "http://metadata.google.internal./computeMetadata/v1/", "http://instance-data/latest/",
                "http://[::ffff:169.254.169.254]/", "http://2852039166/", "http://[fe80::1%25eth0]/",
                // private ranges
                "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.0.1:8443/", "http://[fd12:3456:789a::1]/",
                // IPv4 written as one number, in octal, in hex
                "http://2130706433/", "http://0x7f000001/", "http://017700000001/", "http://0177.0.0.1/",
                "http://0x7f.0.0.1/",
                // IPv4-mapped IPv6
                "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[0:0:0:0:0:ffff:127.0.0.1]/",
                // userinfo that looks like the host
                "http://good@127.0.0.1/", "http://example.api.opsramp.com@127.0.0.1:8082/",
                "http://example.api.opsramp.com:443@169.254.169.254/",
                // schemes other than http(s)
                "file:///etc/passwd", "file:/etc/passwd", "FILE:///etc/passwd", "gopher://127.0.0.1:6379/_FLUSHALL",
                "ftp://example.com/", "jar:http://example.com/a.jar!/", "jar:file:/tmp/a.jar!/",
                "dict://127.0.0.1:11211/stats", "ldap://127.0.0.1/");
        Stream<Arguments> everyField = targets.stream().map(target -> Arguments.of(target, URL_FIELDS));
        // A path endpoint is relative to the base notifier; a network-path one ("//host") would replace its host.
        Stream<Arguments> networkPaths = Stream.of("//127.0.0.1:8082/actuator", "//169.254.169.254/latest/meta-data/",
                " //[::1]/").map(target -> Arguments.of(target, List.of("/endPointURI")));
        return Stream.concat(everyField, networkPaths);
    }

    /**
     * The target goes into every field {@code fields} names, in one request: the problem must name
     * each of them, as the README says a 400 names every field at fault.
     */
    @Order(5)
    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("forbiddenTargets")
    void aTargetThePolicyForbidsIsA400NamingEachFieldItIsIn(String target, List<String> fields) {
        Answer answer = createRoute(routeWithTarget(fields, target));

        try {
            assertProblem(answer, Set.of(400));
            assertThat(pointers(answer)).as(answer.describe()).containsAll(fields);
            assertThat(answer.body()).doesNotContain(NOTIFIER_SECRET);
        } finally {
            deleteIfCreated(answer);
        }
    }

    static Stream<Arguments> requestRedirectingHeaders() {
        return Stream.of(Arguments.of("Host", "169.254.169.254"), Arguments.of("host", "localhost:8082"),
                Arguments.of("Content-Length", "0"), Arguments.of("Transfer-Encoding", "chunked"));
    }

    /**
     * The policy judges the URL's host; a route header that replaces the Host, or the framing of the
     * request, would send the call somewhere else than where the policy looked.
     */
    @Order(6)
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("requestRedirectingHeaders")
    void aRouteHeaderThatWouldRedirectOrReframeTheRequestIsRefused(String name, String value) {
        ObjectNode route = JSON.createObjectNode().put("name", "header probe").put("entity", "ALERT")
                .put("eventType", "CREATE").put("useBaseNotifier", true).put("endPointURI", "/alerts");
        route.putArray("headers").addObject().put("key", name).put("value", value);

        Answer answer = createRoute(route);

        try {
            assertProblem(answer, Set.of(400));
            assertThat(pointers(answer)).anyMatch(pointer -> pointer.startsWith("/headers/0"));
        } finally {
            deleteIfCreated(answer);
        }
    }

    // ---------------------------------------------------------------- (c) patterns

    static Stream<String> patternsRe2CannotRun() {
        return Stream.of("(a+)\\1", "(?=a)a", "(?<!a)b", "a++", "(?>a+)b", "(?P<x>a)(?P=x)", "a{1001}", "[z-a]",
                "\\p{NoSuchClass}");
    }

    @Order(7)
    @ParameterizedTest(name = "Regex {0}")
    @MethodSource("patternsRe2CannotRun")
    void aPatternOutsideRe2IsRefusedAtCreationNamingTheRule(String pattern) {
        Answer answer = createRoute(routeWithRegex(pattern));
        try {
            assertProblem(answer, Set.of(400));
            assertThat(pointers(answer)).contains("/filterCriteria/rules/0/value");
        } finally {
            deleteIfCreated(answer);
        }
    }

    static Stream<String> backtrackingPatterns() {
        return Stream.of("(a+)+$", "(a|aa)+$", "^(a|a?)+$", "(.*a){20}$", "^(\\w+\\s?)*$", "^(([a-z])+.)+[A-Z]([a-z])+$");
    }

    /** A backtracking engine takes years on these; the 60,000 characters stay under the 64 KiB matched. */
    @Order(8)
    @ParameterizedTest(name = "Regex {0} on 60,000 times a, then !")
    @MethodSource("backtrackingPatterns")
    void aBacktrackingPatternAnswersTheDryRunAtOnce(String pattern) {
        ObjectNode dryRun = dryRun(routeWithRegex(pattern), "a".repeat(60_000) + "!");

        Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> post(EVENTS + "/event/render", dryRun));

        assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("selected").asBoolean()).isFalse();
    }

    /**
     * RE2/J is linear in the text, but also in the size of the compiled pattern, and counted
     * repetition multiplies that size: {@code (a{1000}){100}} is 15 characters and 100,000
     * instructions, and matching it costs about the square of the text's length while that is
     * shorter. 48 KiB (under the 64 KiB matched) takes some 20 s on an idle machine here, twice the
     * bound. Run last: a dry run that is not bounded keeps computing after the test gives up.
     * Nesting one more level ({@code ((a{1000}){1000}){1000}}) is not tried here: compiling it fills
     * any heap, and the app shares its JVM with this test.
     */
    @Order(99)
    @Test
    void aCountedRepetitionPatternIsRefusedOrBoundedToo() {
        ObjectNode dryRun = dryRun(routeWithRegex("(a{1000}){100}"), "a".repeat(49_152) + "!");

        Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> post(EVENTS + "/event/render", dryRun));

        assertThat(answer.status()).as(answer.describe()).isIn(200, 400);
        if (answer.status() == 400) {
            assertProblem(answer, Set.of(400));
            assertThat(pointers(answer)).contains("/filterCriteria/rules/0/value");
        }
    }

    // ---------------------------------------------------------------- (d) templates

    private enum Shape { JSON_STRING, JSON_VALUE, JSON_KEY, JSON_AFTER_BOM, XML_TEXT, XML_ATTRIBUTE, XML_SINGLE_QUOTED }

    private static String template(Shape shape) {
        return switch (shape) {
            case JSON_STRING -> "{\"subject\":\"$alert.subject\",\"admin\":false}";
            case JSON_VALUE -> "{\"subject\": $alert.subject, \"admin\": false}";
            case JSON_KEY -> "{\"$alert.subject\": \"x\", \"admin\": false}";
            // A template file saved by an editor that writes a byte order mark first.
            case JSON_AFTER_BOM -> "\uFEFF{\"subject\":\"$alert.subject\",\"admin\":false}";
            case XML_TEXT -> "<alert><subject>$alert.subject</subject><admin>false</admin></alert>";
            case XML_ATTRIBUTE -> "<alert subject=\"$alert.subject\" admin=\"false\"/>";
            case XML_SINGLE_QUOTED -> "<alert subject='$alert.subject' admin='false'/>";
        };
    }

    static Stream<Arguments> hostileValues() {
        List<String> jsonValues = List.of("\"", "\"}", "\",\"admin\":true,\"x\":\"", "\\\",\"admin\":true,\"x\":\"\\",
                "\\", "line\n\"admin\":true", "\r\n}\r\n{\"admin\":true", "\u0000\u001f\u007f", "\u2028\u2029",
                "true, \"admin\": true", "1}", "null", "</script><script>alert(1)</script>", "$alert.description",
                "\uD83D\uDE00 \uD800");
        List<String> xmlValues = List.of("</subject><admin>true</admin><subject>", "\" admin=\"true", "' admin='true",
                "<![CDATA[x]]>", "]]>", "&amp;&#x26;&xxe;", "<!DOCTYPE x [<!ENTITY e \"a\">]>", "<?xml version=\"1.0\"?>",
                "a\u0001\u0008b", "\uFFFE\uFFFF", "\uD800");
        Stream<Arguments> json = Stream.of(Shape.JSON_STRING, Shape.JSON_VALUE, Shape.JSON_KEY)
                .flatMap(shape -> jsonValues.stream().map(value -> Arguments.of(shape, shown(value))));
        Stream<Arguments> bom = Stream.of("\",\"admin\":true,\"x\":\"", "\"}")
                .map(value -> Arguments.of(Shape.JSON_AFTER_BOM, shown(value)));
        Stream<Arguments> xml = Stream.of(Shape.XML_TEXT, Shape.XML_ATTRIBUTE, Shape.XML_SINGLE_QUOTED)
                .flatMap(shape -> xmlValues.stream().map(value -> Arguments.of(shape, shown(value))));
        return Stream.of(json, bom, xml).flatMap(s -> s);
    }

    @Order(9)
    @ParameterizedTest(name = "{0} with subject {1}")
    @MethodSource("hostileValues")
    void anEventValueCannotChangeTheStructureOfTheRenderedPayload(Shape shape, String value) throws Exception {
        ObjectNode route = JSON.createObjectNode().put("name", "template probe").put("entity", "ALERT")
                .put("eventType", "CREATE").put("useBaseNotifier", true)
                .put("payload", Base64.getEncoder().encodeToString(template(shape).getBytes(StandardCharsets.UTF_8)));

        Answer answer = post(EVENTS + "/event/render", dryRun(route, value));

        assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
        JsonNode request = JSON.readTree(answer.body()).path("request");
        assertThat(request.isObject()).as("the route selects the event: %s", answer.body()).isTrue();
        String body = request.path("body").asString();
        switch (shape) {
            case JSON_STRING, JSON_VALUE, JSON_AFTER_BOM -> {
                JsonNode rendered = strictJson(body.startsWith("\uFEFF") ? body.substring(1) : body);
                assertThat(keys(rendered)).as(visible(body)).containsExactly("subject", "admin");
                assertThat(rendered.path("admin").isBoolean() && !rendered.path("admin").asBoolean())
                        .as(visible(body)).isTrue();
                assertThat(rendered.path("subject").asString()).isEqualTo(value);
            }
            case JSON_KEY -> {
                JsonNode rendered = strictJson(body);
                assertThat(keys(rendered)).as(visible(body)).containsExactly(value, "admin");
                assertThat(rendered.path("admin").isBoolean() && !rendered.path("admin").asBoolean())
                        .as(visible(body)).isTrue();
            }
            case XML_TEXT -> {
                Element alert = xml(body);
                assertThat(childElements(alert)).as(visible(body)).containsExactly("subject", "admin");
                assertThat(alert.getElementsByTagName("admin").item(0).getTextContent()).isEqualTo("false");
                assertThat(alert.getElementsByTagName("subject").item(0).getTextContent())
                        .isEqualTo(xmlCarried(value, false));
            }
            case XML_ATTRIBUTE, XML_SINGLE_QUOTED -> {
                Element alert = xml(body);
                assertThat(alert.getAttributes().getLength()).as(visible(body)).isEqualTo(2);
                assertThat(childElements(alert)).as(visible(body)).isEmpty();
                assertThat(alert.getAttribute("admin")).isEqualTo("false");
                assertThat(alert.getAttribute("subject")).isEqualTo(xmlCarried(value, true));
            }
            default -> throw new IllegalStateException(shape.name());
        }
    }

    // ---------------------------------------------------------------- (e) paths, bodies, encodings

    static Stream<Arguments> hostilePaths() {
        String event = EVENTS + "/event/";
        List<String> targets = List.of(
                event + "..%2F..%2F..%2F..%2Fclient_2%2Fintegrations%2Finstalled%2FINTG-other%2Fevents",
                event + "%2e%2e%2f%2e%2e%2fevents",
                event + "..%5c..%5cevents",
                OTHER_TENANT + "/../../../client_1/integrations/installed/INTG-sandbox/event/" + SENTINEL,
                OTHER_TENANT + "/%2e%2e/%2e%2e/%2e%2e/client_1/integrations/installed/INTG-sandbox/event/" + SENTINEL,
                event + SENTINEL + "%00",
                event + SENTINEL + "%00.json",
                event + SENTINEL + "%0d%0aSet-Cookie:%20injected=1",
                event + "%0d%0aX-Injected:%20yes%0d%0a%0d%0a",
                event + SENTINEL + ";admin=true",
                event + "%zz",
                event + "%C0%AE%C0%AE%C0%AF",
                event + "%FF%FE%FD",
                event + "\u00ff\u00fe");
        return targets.stream().flatMap(target -> Stream.of("GET", "PUT", "DELETE")
                .map(method -> Arguments.of(method, target)));
    }

    @Order(10)
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostilePaths")
    void aHostileIdInThePathIsA4xxProblemAndReachesNoRoute(String method, String target) {
        byte[] body = method.equals("PUT") ? json(JSON.createObjectNode().put("name", "hijacked").put("entity", "ALERT")
                .put("eventType", "CREATE").put("useBaseNotifier", true)) : null;

        Answer answer = send(method, target.replace(SENTINEL, sentinelId),
                body == null ? bearerHeader() : with(bearerHeader(), "Content-Type: application/json"), body);

        assertProblem(answer, Set.of(400, 404));
        assertThat(answer.headers()).doesNotContainKeys("set-cookie", "x-injected");
        assertThat(answer.body()).doesNotContain(SENTINEL_NAME);
    }

    static Stream<Arguments> hostileBodies() {
        String valid = "\"name\":\"n\",\"entity\":\"ALERT\",\"eventType\":\"CREATE\",\"useBaseNotifier\":true";
        String deepArrays = "[".repeat(10_000) + "]".repeat(10_000);
        String deepObjects = "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000);
        return Stream.of(
                body("a 300 KB name", EVENTS + "/event", "{" + valid.replace("\"n\"", "\"" + "n".repeat(300_000) + "\"")
                        + "}", 400, 413),
                body("10,000 nested arrays in an unknown field", EVENTS + "/event",
                        "{" + valid + ",\"x\":" + deepArrays + "}", 400),
                body("10,000 nested arrays as the filter's rules", EVENTS + "/event",
                        "{" + valid + ",\"filterCriteria\":{\"rules\":" + deepArrays + "}}", 400),
                body("1,000 nested objects in a dry run's record", EVENTS + "/event/render",
                        "{\"integrationEvent\":{" + valid + "},\"source\":\"omi\",\"record\":{\"kind\":\"event\","
                                + "\"event\":{\"title\":\"t\",\"x\":" + deepObjects + "}}}", 400),
                body("a second document after the body", EVENTS + "/event",
                        "{" + valid + "}{\"endPointURI\":\"http://169.254.169.254/\"}", 400),
                body("comments", EVENTS + "/event", "{/* c */" + valid + "}", 400),
                body("single quotes", EVENTS + "/event", "{'name':'n','entity':'ALERT'}", 400),
                body("NaN", EVENTS + "/event", "{" + valid + ",\"delivery\":{\"batchSize\":NaN}}", 400),
                body("a 2,000-digit number", EVENTS + "/event",
                        "{" + valid + ",\"delivery\":{\"batchSize\":" + "9".repeat(2_000) + "}}", 400),
                body("an operator object where a string belongs", EVENTS + "/event",
                        "{" + valid.replace("\"n\"", "{\"$ne\":null}") + "}", 400),
                body("a list where the notifier belongs", EVENTS + "/event", "{" + valid + ",\"notifier\":[]}", 400),
                body("a top-level array", EVENTS + "/event", "[{" + valid + "}]", 400),
                body("a top-level null", EVENTS + "/event", "null", 400),
                body("a top-level string", EVENTS + "/event", "\"ALERT\"", 400),
                body("an empty body", EVENTS + "/event", "", 400),
                body("a dry run with an array as its record", EVENTS + "/event/render",
                        "{\"integrationEvent\":{" + valid + "},\"source\":\"omi\",\"record\":[1]}", 400));
    }

    private static Arguments body(String name, String path, String text, Integer... statuses) {
        return Arguments.of(Named.of(name, path), text.getBytes(StandardCharsets.UTF_8), Set.of(statuses));
    }

    @Order(11)
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void aMalformedOrOversizedBodyIsA4xxProblem(String path, byte[] body, Set<Integer> statuses) {
        int routesBefore = routeNames().size();

        Answer answer = send("POST", path, with(bearerHeader(), "Content-Type: application/json"), body);

        try {
            assertProblem(answer, statuses);
        } finally {
            deleteIfCreated(answer);
        }
        assertThat(routeNames()).as("nothing was stored").hasSize(routesBefore);
    }

    static Stream<Arguments> duplicateKeys() {
        String head = "{\"name\":\"dup\",\"entity\":\"ALERT\",\"eventType\":\"CREATE\",\"useBaseNotifier\":true,";
        return Stream.of(
                Arguments.of(Named.of("endPointURI twice, the metadata address last",
                        head + "\"endPointURI\":\"" + PUBLIC_BASE + "/a\",\"endPointURI\":\"http://169.254.169.254/\"}")),
                Arguments.of(Named.of("endPointURI twice, the metadata address first",
                        head + "\"endPointURI\":\"http://169.254.169.254/\",\"endPointURI\":\"" + PUBLIC_BASE + "/a\"}")),
                Arguments.of(Named.of("entity twice, an unknown one last",
                        head + "\"entity\":\"COMPUTER\"}")),
                Arguments.of(Named.of("a header's key twice, the credential header's name last",
                        head + "\"headers\":[{\"key\":\"X-Plain\",\"value\":\"Bearer " + NOTIFIER_SECRET
                                + "\",\"key\":\"Authorization\"}]}")));
    }

    /**
     * A duplicate key must not let what is checked differ from what is kept: either the body is
     * refused, or the route answered and stored is the one the checks saw, with nothing forbidden
     * and no secret shown.
     */
    @Order(12)
    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicateKeys")
    void aDuplicateKeyIsRefusedOrReadOneWayForCheckingAndKeeping(String text) {
        Answer answer = send("POST", EVENTS + "/event", with(bearerHeader(), "Content-Type: application/json"),
                text.getBytes(StandardCharsets.UTF_8));
        try {
            assertThat(answer.status()).as(answer.describe()).isIn(200, 400);
            assertThat(answer.body()).doesNotContain(NOTIFIER_SECRET);
            if (answer.status() == 400) {
                assertProblem(answer, Set.of(400));
            } else {
                JsonNode created = JSON.readTree(answer.body());
                JsonNode stored = admin.get().uri(EVENTS + "/event/" + created.path("id").asString()).exchange()
                        .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
                for (JsonNode route : List.of(created, stored)) {
                    assertThat(route.toString()).doesNotContain("169.254").doesNotContain(NOTIFIER_SECRET);
                    assertThat(route.path("entity").asString()).isEqualTo("ALERT");
                }
                assertThat(stored.path("endPointURI")).isEqualTo(created.path("endPointURI"));
                assertThat(stored.path("headers")).isEqualTo(created.path("headers"));
            }
        } finally {
            deleteIfCreated(answer);
        }
    }

    static Stream<Arguments> wrongContentTypes() {
        String route = "{\"name\":\"n\",\"entity\":\"ALERT\",\"eventType\":\"CREATE\",\"useBaseNotifier\":true}";
        String form = "grant_type=client_credentials&client_id=admin&client_secret=" + ADMIN_SECRET;
        return Stream.of(
                Arguments.of("POST /event as text/plain", EVENTS + "/event", "Content-Type: text/plain", route),
                Arguments.of("POST /event as application/xml", EVENTS + "/event", "Content-Type: application/xml",
                        "<integrationEvent><name>n</name></integrationEvent>"),
                Arguments.of("POST /event as a form", EVENTS + "/event",
                        "Content-Type: application/x-www-form-urlencoded", "name=n&entity=ALERT"),
                Arguments.of("POST /event as multipart", EVENTS + "/event",
                        "Content-Type: multipart/form-data; boundary=b", "--b\r\n\r\n" + route + "\r\n--b--\r\n"),
                Arguments.of("POST /event without a Content-Type", EVENTS + "/event", null, route),
                Arguments.of("PUT /event/{id} as text/plain", EVENTS + "/event/" + SENTINEL, "Content-Type: text/plain",
                        route),
                Arguments.of("POST /event/render as text/plain", EVENTS + "/event/render", "Content-Type: text/plain",
                        "{}"),
                Arguments.of("POST the token call as JSON", TokenEndpoint.PATH, "Content-Type: application/json",
                        "{\"grant_type\":\"client_credentials\",\"client_id\":\"admin\",\"client_secret\":\""
                                + ADMIN_SECRET + "\"}"),
                Arguments.of("POST the token call with its form in the query string", TokenEndpoint.PATH + "?" + form,
                        "Content-Type: text/plain", ""));
    }

    @Order(13)
    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongContentTypes")
    void aWrongContentTypeIsA4xxProblem(String name, String path, String contentType, String text) {
        String method = path.endsWith(SENTINEL) ? "PUT" : "POST";
        boolean tokenCall = path.startsWith(TokenEndpoint.PATH);
        List<String> headers = tokenCall ? new ArrayList<>() : bearerHeader();
        if (contentType != null) {
            headers = with(headers, contentType);
        }

        Answer answer = send(method, path.replace(SENTINEL, sentinelId), headers, text.getBytes(StandardCharsets.UTF_8));

        try {
            if (tokenCall) {
                // The token call answers as RFC 6749 does, and never with a token for credentials outside its form.
                assertThat(answer.status()).as(answer.describe()).isIn(400, 401, 415);
                assertThat(answer.everything()).doesNotContain("access_token").doesNotContain(ADMIN_SECRET);
            } else {
                assertProblem(answer, Set.of(400, 415));
            }
        } finally {
            deleteIfCreated(answer);
        }
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of(Named.of("a lone 0xFF byte", new byte[] {(byte) 0xFF})),
                Arguments.of(Named.of("a continuation byte that is not one (C3 28)", new byte[] {(byte) 0xC3, 0x28})),
                Arguments.of(Named.of("a sequence cut short (E2 82)", new byte[] {(byte) 0xE2, (byte) 0x82})),
                Arguments.of(Named.of("an overlong '/' (C0 AF)", new byte[] {(byte) 0xC0, (byte) 0xAF})),
                Arguments.of(Named.of("an encoded surrogate (ED A0 80)", new byte[] {(byte) 0xED, (byte) 0xA0,
                        (byte) 0x80})),
                Arguments.of(Named.of("a code point past U+10FFFF (F4 90 80 80)", new byte[] {(byte) 0xF4, (byte) 0x90,
                        (byte) 0x80, (byte) 0x80})));
    }

    @Order(14)
    @ParameterizedTest(name = "{0} in the name")
    @MethodSource("invalidUtf8")
    void invalidUtf8InTheBodyIsA400Problem(byte[] bytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"name\":\"utf8 probe ".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("\",\"entity\":\"ALERT\",\"eventType\":\"CREATE\",\"useBaseNotifier\":true}"
                .getBytes(StandardCharsets.UTF_8));

        Answer answer = send("POST", EVENTS + "/event", with(bearerHeader(), "Content-Type: application/json"),
                body.toByteArray());

        try {
            assertProblem(answer, Set.of(400));
        } finally {
            deleteIfCreated(answer);
        }
    }

    @Order(15)
    @Test
    void aMethodOverrideDoesNotTurnAPostIntoADelete() {
        Answer answer = send("POST", EVENTS + "/event/" + sentinelId + "?_method=DELETE",
                with(bearerHeader(), "X-HTTP-Method-Override: DELETE", "Content-Type: application/json"),
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.describe()).isBetween(400, 499);
    }

    // ---------------------------------------------------------------- requests

    /**
     * A complete OAUTH2 route whose {@code fields} hold {@code target}; the others hold allowed
     * targets, the base without a path as OPSRAMP_URL is (so a network-path endpoint replaces its host).
     */
    private static ObjectNode routeWithTarget(List<String> fields, String target) {
        ObjectNode route = JSON.createObjectNode().put("name", "ssrf probe").put("entity", "ALERT")
                .put("eventType", "CREATE")
                .put("endPointURI", fields.contains("/endPointURI") ? target : PUBLIC_BASE + "/alerts");
        route.putObject("notifier").put("type", "REST_API").put("authType", "OAUTH2").put("grantType", "CLIENT_CREDENTIALS")
                .put("apiKey", "k").put("apiSecret", NOTIFIER_SECRET)
                .put("baseURI", fields.contains("/notifier/baseURI") ? target : PUBLIC_BASE)
                .put("accessTokenURL", fields.contains("/notifier/accessTokenURL") ? target : PUBLIC_BASE + "/token");
        return route;
    }

    private static ObjectNode routeWithRegex(String pattern) {
        ObjectNode route = JSON.createObjectNode().put("name", "pattern probe").put("entity", "ALERT")
                .put("eventType", "CREATE").put("useBaseNotifier", true);
        route.putObject("filterCriteria").put("matchType", "ALL").putArray("rules").addObject()
                .put("key", "subject").put("operator", "Regex").put("value", pattern).put("resourceType", "ALERT");
        return route;
    }

    /** A dry run of {@code route} for one OMi event whose title (the view's {@code subject}) is {@code title}. */
    private static ObjectNode dryRun(ObjectNode route, String title) {
        ObjectNode dryRun = JSON.createObjectNode();
        dryRun.set("integrationEvent", route);
        dryRun.put("source", "omi");
        ObjectNode record = dryRun.putObject("record").put("schema", "eventsync.opr-record/v1").put("kind", "event")
                .put("omi_event_id", "abuse-1");
        record.putObject("event").put("id", "abuse-1").put("title", title).put("description", "EXPANDED");
        return dryRun;
    }

    private Answer createRoute(ObjectNode route) {
        return post(EVENTS + "/event", route);
    }

    private Answer post(String path, ObjectNode body) {
        return send("POST", path, with(bearerHeader(), "Content-Type: application/json"), json(body));
    }

    /** An accidental success must not leave a route behind for the cases after it. */
    private void deleteIfCreated(Answer answer) {
        if (answer.status() != 200 || !answer.body().contains("INTG-EVENT-")) {
            return;
        }
        String id = JSON.readTree(answer.body()).path("id").asString();
        if (id.startsWith("INTG-EVENT-") && !id.equals(sentinelId)) {
            admin.delete().uri(EVENTS + "/event/" + id).exchange();
        }
    }

    private List<String> bearerHeader() {
        return List.of("Authorization: Bearer " + adminToken);
    }

    private static List<String> with(List<String> headers, String... more) {
        List<String> all = new ArrayList<>(headers);
        all.addAll(List.of(more));
        return all;
    }

    private static byte[] json(ObjectNode node) {
        return JSON.writeValueAsBytes(node);
    }

    private String issuedToken() {
        return anonymous.post().uri(TokenEndpoint.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("client_id", "admin")
                        .with("client_secret", ADMIN_SECRET))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("access_token").asString();
    }

    // ---------------------------------------------------------------- tokens

    private byte[] tokenKey() {
        return Base64.getDecoder().decode(adminProperties.tokenKey().trim());
    }

    private static Map<String, Object> validClaims() {
        return claims(Instant.now(), Duration.ofHours(1));
    }

    private static Map<String, Object> claims(Instant issued, Duration lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "admin");
        claims.put("scope", TokenEndpoint.SCOPE);
        claims.put("iat", issued.getEpochSecond());
        claims.put("exp", issued.plus(lifetime).getEpochSecond());
        return claims;
    }

    /** A JWT as the token call makes one; {@code mac} null leaves the signature empty. */
    private static String jwt(String alg, String mac, byte[] key, Map<String, Object> claims) {
        String signingInput = base64Url(JSON.writeValueAsBytes(Map.of("alg", alg, "typ", "JWT"))) + "."
                + base64Url(JSON.writeValueAsBytes(claims));
        if (mac == null) {
            return signingInput + ".";
        }
        try {
            Mac hmac = Mac.getInstance(mac);
            hmac.init(new SecretKeySpec(key, mac));
            return signingInput + "." + base64Url(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Credentials bearer(String token) {
        return Credentials.header("Authorization: Bearer " + token);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---------------------------------------------------------------- answers

    private record Answer(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        /** Status line, headers and body: where an echoed secret would be. */
        String everything() {
            return status + " " + headers + "\n" + body;
        }

        String describe() {
            String shown = body.length() > 600 ? body.substring(0, 600) + "..." : body;
            return "answered " + status + " " + headers + " " + shown;
        }
    }

    private static void assertProblem(Answer answer, Set<Integer> statuses) {
        assertThat(answer.status()).as(answer.describe()).isIn(statuses);
        assertThat(answer.header("Content-Type")).as(answer.describe()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).as(answer.describe()).isEqualTo(answer.status());
        assertThat(problem.path("title").asString()).as(answer.describe()).isNotEmpty();
    }

    private static List<String> pointers(Answer answer) {
        return JSON.readTree(answer.body()).path("errors").findValuesAsString("pointer");
    }

    private static JsonNode strictJson(String text) {
        try {
            return STRICT_JSON.readTree(text);
        } catch (RuntimeException e) {
            return fail("the rendered payload is not one JSON document: " + visible(text), e);
        }
    }

    private static List<String> keys(JsonNode object) {
        assertThat(object.isObject()).as(object.toString()).isTrue();
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }

    /** Parsed as a careful receiver would: no DTD, so an entity in a value could not be expanded. */
    private static Element xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        try {
            Document document = builder.parse(new InputSource(new StringReader(text)));
            assertThat(document.getDocumentElement().getTagName()).isEqualTo("alert");
            return document.getDocumentElement();
        } catch (SAXParseException e) {
            return fail("the rendered payload is not well-formed XML: " + visible(text), e);
        }
    }

    private static List<String> childElements(Element element) {
        List<String> names = new ArrayList<>();
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                names.add(children.item(i).getNodeName());
            }
        }
        return names;
    }

    /**
     * What XML can carry of {@code value}, as a parser reports it: characters outside XML 1.0's
     * Char production go (the README drops control characters), line ends are normalised, and in
     * an attribute every whitespace character reads as a space.
     */
    private static String xmlCarried(String value, boolean attribute) {
        StringBuilder out = new StringBuilder();
        value.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(out::appendCodePoint);
        String text = out.toString().replace("\r\n", "\n").replace('\r', '\n');
        return attribute ? text.replace('\n', ' ').replace('\t', ' ') : text;
    }

    // ---------------------------------------------------------------- raw HTTP

    /** One request on its own connection, bytes as given (the target's non-ASCII characters as Latin-1 bytes). */
    private Answer send(String method, String target, List<String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n").append("Connection: close\r\n");
        headers.forEach(line -> head.append(line).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // A server may answer an oversized body and close before reading all of it.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + " got no answer", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // A reset after the answer (the rest of an oversized body unread) still leaves the answer.
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a chunk without its line end");
    }
}
