package io.eventsync.egress.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.egress.filter.MatchType;
import io.eventsync.egress.filter.Operator;
import io.eventsync.egress.destination.EgressPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class RouteValidationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RouteValidation validation = new RouteValidation(EgressPolicy.open());

    @ParameterizedTest
    @ValueSource(strings = {"create-event", "create-event-with-filter", "create-alert-event"})
    void theSeedsOwnSamplesAreAcceptedAsIncompleteForTheOauthFieldsTheyLeaveOut(String sample) {
        RouteValidation.Result result = validation.validate(seedSample(sample));

        assertThat(result.problems()).isEmpty();
        IntegrationEvent route = result.route().orElseThrow();
        assertThat(route.complete()).isFalse();
        assertThat(route.incomplete()).containsExactly("/notifier/grantType", "/notifier/apiKey",
                "/notifier/apiSecret", "/notifier/accessTokenURL");
        assertThat(route.notifier().type()).isEqualTo(NotifierType.SOAP_API);
        assertThat(route.notifier().authType()).isEqualTo(AuthType.OAUTH2);
        assertThat(route.thirdPartyEventType()).isEqualTo(HttpMethod.POST);
        assertThat(route.eventType()).isEqualTo(EventType.CREATE);
        assertThat(route.template()).startsWith("{");
    }

    @Test
    void theFilterSampleKeepsItsRulesInOrder() {
        IntegrationEvent route = validation.validate(seedSample("create-event-with-filter")).route().orElseThrow();
        assertThat(route.entity()).isEqualTo(Entity.INCIDENT);
        assertThat(route.filterCriteria().matchType()).isEqualTo(MatchType.ANY);
        assertThat(route.filterCriteria().rules()).extracting(IntegrationEvent.StoredRule::key)
                .containsExactly("Subject", "Description");
        assertThat(route.filterCriteria().rules()).extracting(IntegrationEvent.StoredRule::operator)
                .containsOnly(Operator.CONTAINS);
    }

    @Test
    void aCompleteOauthRouteIsComplete() {
        ObjectNode request = seedJson("create-event");
        ((ObjectNode) request.get("notifier")).put("grantType", "CLIENT_CREDENTIALS").put("apiKey", "k")
                .put("apiSecret", "s").put("accessTokenURL", "https://auth.example.com/token");
        IntegrationEvent route = validation.validate(request(request)).route().orElseThrow();
        assertThat(route.incomplete()).isEmpty();
        assertThat(route.notifier().grantType()).isEqualTo(GrantType.CLIENT_CREDENTIALS);
    }

    @ParameterizedTest(name = "{0} = {1} → 400 at {0}")
    @CsvSource(delimiter = '|', textBlock = """
            /entity                        | COMPUTER
            /eventType                     | RENAME
            /notifier/authType             | KERBEROS
            /notifier/grantType            | IMPLICIT
            /notifier/type                 | GRAPHQL
            /thirdPartyEventType           | OPTIONS
            /filterCriteria/matchType      | MOST
            /filterCriteria/rules/1/operator | Like
            /filterCriteria/rules/0/value  | (unclosed
            /payload                       | not*base64!
            /endPointURI                   | http://169.254.169.254/latest/meta-data
            """)
    void plainlyWrongValuesAreRefusedWithTheFieldNamed(String pointer, String value) {
        ObjectNode request = seedJson("create-event-with-filter");
        if (pointer.endsWith("/value")) {
            ((ObjectNode) request.at("/filterCriteria/rules/0")).put("operator", "Regex");
        }
        set(request, pointer, value);

        RouteValidation.Result result = validation.validate(request(request));

        assertThat(result.route()).isEmpty();
        assertThat(result.problems()).extracting(FieldProblem::pointer).containsExactly(pointer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD", "REFRESH_TOKEN"})
    void aGrantThatNeedsAUserWithoutOneIsAMistakeNotAGap(String grant) {
        ObjectNode request = seedJson("create-event");
        ((ObjectNode) request.get("notifier")).put("grantType", grant).remove("userName");
        RouteValidation.Result result = validation.validate(request(request));
        assertThat(result.problems()).extracting(FieldProblem::pointer).containsExactly("/notifier/userName");
    }

    @Test
    void aUrlCarryingCredentialsIsRefusedWithoutRepeatingThem() {
        ObjectNode request = seedJson("create-event");
        request.put("endPointURI", "https://hooks:s3cret-in-url@hooks.example.com/alerts");
        ((ObjectNode) request.get("notifier")).put("baseURI", "https://ops:0ther-s3cret@api.example.com")
                .put("accessTokenURL", "https://id:t0ken-s3cret@auth.example.com/token");
        List<FieldProblem> problems = validation.validate(request(request)).problems();
        assertThat(problems).extracting(FieldProblem::pointer)
                .contains("/endPointURI", "/notifier/baseURI", "/notifier/accessTokenURL");
        assertThat(problems.toString()).doesNotContain("s3cret-in-url", "0ther-s3cret", "t0ken-s3cret")
                .contains("BASIC userName and password");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ObjectNode request = seedJson("create-event");
        request.put("entity", "X").put("eventType", "Y").put("payload", "%%%");
        assertThat(validation.validate(request(request)).problems()).extracting(FieldProblem::pointer)
                .containsExactly("/entity", "/eventType", "/payload");
    }

    @Test
    void missingMandatoryFieldsMakeARouteIncompleteNotRefused() {
        RouteValidation.Result result = validation.validate(request(JSON.createObjectNode().put("name", "bare")));
        assertThat(result.problems()).isEmpty();
        assertThat(result.route().orElseThrow().incomplete())
                .containsExactly("/entity", "/eventType", "/notifier", "/endPointURI");
    }

    @Test
    void theBaseNotifierStandsInForANotifierAndAnEndpoint() {
        ObjectNode request = JSON.createObjectNode().put("name", "base").put("entity", "ALERT")
                .put("eventType", "NONE").put("useBaseNotifier", true);
        IntegrationEvent route = validation.validate(request(request)).route().orElseThrow();
        assertThat(route.incomplete()).isEmpty();
        assertThat(route.useBaseNotifier()).isTrue();
    }

    @Test
    void credentialHeadersAreMarkedSecretAndHeaderInjectionIsRefused() {
        ObjectNode request = seedJson("create-event");
        request.putArray("headers").addObject().put("key", "Authorization").put("value", "Bearer abc");
        IntegrationEvent route = validation.validate(request(request)).route().orElseThrow();
        assertThat(route.headers()).singleElement().satisfies(h -> assertThat(h.secret()).isTrue());

        ObjectNode injected = seedJson("create-event");
        injected.putArray("headers").addObject().put("key", "X-Note").put("value", "a\r\nHost: evil");
        assertThat(validation.validate(request(injected)).problems()).extracting(FieldProblem::pointer)
                .containsExactly("/headers/0/value");
    }

    @Test
    void loopbackTargetsNeedTheAllowlist() {
        ObjectNode request = seedJson("create-event");
        request.put("endPointURI", "http://127.0.0.1:8091/opr/event");
        ((ObjectNode) request.get("notifier")).remove("baseURI");
        assertThat(validation.validate(request(request)).problems()).extracting(FieldProblem::pointer)
                .containsExactly("/endPointURI");
        RouteValidation allowing = new RouteValidation(new EgressPolicy(List.of("127.0.0.1:8091")));
        assertThat(allowing.validate(request(request)).problems()).isEmpty();
        ((ObjectNode) request.get("notifier")).put("baseURI", "www.google.com");
        assertThat(allowing.validate(request(request)).problems())
                .as("a public host off the allowlist is defined (the seed's samples name one); delivery refuses it")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host", "host", "Content-Length", "Transfer-Encoding", "Connection", "Upgrade", "TE",
            "Trailer", "Expect", "Keep-Alive", "Proxy-Authorization", "Proxy-Connection"})
    void aHeaderThatSaysWhereTheRequestGoesOrHowItIsFramedIsRefused(String name) {
        ObjectNode request = seedJson("create-event");
        ArrayNode headers = request.putArray("headers");
        headers.addObject().put("key", "X-Fine").put("value", "1");
        headers.addObject().put("key", name).put("value", "x");
        assertThat(validation.validate(request(request)).problems()).extracting(FieldProblem::pointer)
                .containsExactly("/headers/1/key");

        ObjectNode echoed = seedJson("create-event");
        echoed.putArray("responseHeaders").addObject().put("key", name).put("value", "x");
        assertThat(validation.validate(request(echoed)).problems()).as("response headers are never sent").isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /endPointURI             | //127.0.0.1:8082/actuator        | network-path
            /endPointURI             | /a b                             | not a URL path
            /endPointURI             | file:/etc/passwd                 | only http and https
            /notifier/baseURI        | jar:file:/tmp/a.jar!/            | only http and https
            /notifier/accessTokenURL | http://localhost./token          | loopback
            /notifier/baseURI        | http://metadata.google.internal. | metadata
            /endPointURI             | http://0x7f000001/               | four decimal numbers
            /endPointURI             | http://0x7f.1/                   | not a URL
            /endPointURI             | http://[fe80::1%25eth0]/         | zone id
            """)
    void aTargetThatCanNeverBeRightIsRefusedSayingWhy(String pointer, String target, String why) {
        ObjectNode request = seedJson("create-event");
        set(request, pointer, target);
        assertThat(validation.validate(request(request)).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.pointer()).isEqualTo(pointer);
            assertThat(problem.detail()).contains(why);
        });
    }

    static IntegrationEventRequest seedSample(String name) {
        return request(seedJson(name));
    }

    static ObjectNode seedJson(String name) {
        try (InputStream in = RouteValidationTest.class.getResourceAsStream("/seed002/" + name + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static IntegrationEventRequest request(ObjectNode json) {
        return JSON.treeToValue(json, IntegrationEventRequest.class);
    }

    private static void set(ObjectNode root, String pointer, String value) {
        int cut = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, cut);
        ObjectNode node = parent.isEmpty() ? root : (ObjectNode) root.at(parent);
        node.put(pointer.substring(cut + 1), value);
    }
}
