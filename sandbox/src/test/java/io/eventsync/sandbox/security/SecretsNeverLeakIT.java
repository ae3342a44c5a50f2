package io.eventsync.sandbox.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.sandbox.SandboxProcess;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The packaged sandbox in its own process, every secret of every app and simulator set to a value
 * unique to the run, driven through each path a secret travels or is refused on; then no form of
 * any of them may be anywhere the outside world reads: the process's whole console output, every
 * HTTP answer the test got (the apps' actuator endpoints among them), and every record of every
 * topic on the sandbox's broker.
 *
 * <p>Secrets set through the environment: the OMi connected server's password (gateway, egress's
 * sync-back client, the OMi simulator), the sync-back client's password, the OFSC client secret
 * (ingest and the OFSC simulator), egress's admin client secret, its token-signing key and its
 * route-sealing key, and every credential of the receiver simulator (OPR Basic, webhook Basic,
 * OAuth2 client and user, OpsRamp client). Secrets the test sends: wrong passwords for the right
 * users, right passwords for unknown users, an undecodable Basic header, a garbled and a forged
 * bearer token, route notifier passwords and OAuth2 client secrets (accepted and refused by the
 * receiver), credential headers of routes, secrets of routes refused as plainly wrong, in bodies
 * that are not JSON, and of routes only dry-run, an admin secret sent as JSON instead of a form, a
 * token in a query string, and a password in a target URL's userinfo ({@code http://user:pw@host},
 * which the README does not list among route secrets, but which egress must then refuse rather
 * than store, echo and log). Tokens the apps issue (egress's admin token, the OFSC simulator's)
 * count as secrets everywhere but in the answer that issues them.
 *
 * <p>The summary and every finding (which secret, in which form, where, with the text around it)
 * are written to {@code target/secrets-never-leak-report.txt}, the console output to
 * {@code target/secrets-never-leak-sandbox.log}.
 *
 * <p>What the sandbox cannot do is left out and said so in the summary: ingest reads the OFSC
 * secret the simulator is given (the sandbox passes the same value to both, as command-line
 * arguments that outrank the environment), so a refused OFSC secret is sent by the test itself,
 * and likewise egress's sync-back to OMi always has the right password.
 */
class SecretsNeverLeakIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration TRAFFIC_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String EVENTS = "/api/v2/tenants/client_1/integrations/installed/INTG-sandbox";
    /** The sandbox's own route to the receiver's OPR target, without credentials: refused once the receiver wants Basic. */
    private static final String SANDBOX_OPR_ROUTE = "sandbox-omi-to-opr-receiver";
    private static final String INSTANCE = "sandbox";
    private static final Path REPORT = Path.of("target", "secrets-never-leak-report.txt");
    private static final Path LOG_COPY = Path.of("target", "secrets-never-leak-sandbox.log");

    private static final String GATEWAY = "gateway answers (/opr, /sync-back)";
    private static final String ADMIN = "egress admin API answers (token, routes, dry runs)";
    private static final String SIMULATORS = "simulator answers (OMi, OFSC, receiver)";

    private final PlantedSecrets secrets = new PlantedSecrets();
    private final AnswerLog answers = new AnswerLog();
    /** Paths the test meant to exercise and could not: without them a clean search proves less. */
    private final List<String> notExercised = new ArrayList<>();

    private final String run = secrets.run();
    private final String omiUser = "omi" + run;
    private final PlantedSecret omiPassword = secrets.password("OMI_CONNECTED_SERVER_PASSWORD", "omipw")
            .sentAsBasicBy(omiUser);
    private final String syncUser = "desk" + run;
    private final PlantedSecret syncPassword = secrets.password("SYNC_BACK_CLIENT_PASSWORD", "syncpw")
            .sentAsBasicBy(syncUser);
    private final String ofscClient = "esync" + run;
    private final PlantedSecret ofscSecret = secrets.password("OFSC_CLIENT_SECRET", "ofscsec")
            .sentAsBasicBy(ofscClient + "@" + INSTANCE);
    private final String adminClient = "admin" + run;
    private final PlantedSecret adminSecret = secrets.password("EGRESS_ADMIN_CLIENT_SECRET", "adminsec")
            .sentAsBasicBy(adminClient);
    private final PlantedSecret tokenKey = secrets.key("EGRESS_TOKEN_KEY", "tokkey");
    private final PlantedSecret sealingKey = secrets.key("EGRESS_SECRET_KEY", "sealkey");
    private final String oprUser = "opr" + run;
    private final PlantedSecret oprPassword = secrets.password("RECEIVER_OPR_PASSWORD", "oprpw").sentAsBasicBy(oprUser);
    private final String hookUser = "hook" + run;
    private final PlantedSecret hookPassword = secrets.password("RECEIVER_HOOK_PASSWORD", "hookpw")
            .sentAsBasicBy(hookUser);
    private final String oauthClient = "client" + run;
    private final PlantedSecret oauthSecret = secrets.password("RECEIVER_OAUTH_CLIENT_SECRET", "oauthsec")
            .sentAsBasicBy(oauthClient);
    private final String oauthUser = "operator" + run;
    private final PlantedSecret oauthPassword = secrets.password("RECEIVER_OAUTH_PASSWORD", "oauthpw")
            .sentAsBasicBy(oauthUser);
    private final String opsRampClient = "opsramp" + run;
    private final PlantedSecret opsRampSecret = secrets.password("RECEIVER_OPSRAMP_CLIENT_SECRET", "opsrsec")
            .sentAsBasicBy(opsRampClient);

    private final PlantedSecret wrongOmiPassword = secrets.password("a wrong password for the OMi connected server",
            "wrongomi").sentAsBasicBy(omiUser);
    private final PlantedSecret undecodableBasic = secrets.password("an undecodable Basic credential", "undecodable");
    private final PlantedSecret wrongSyncPassword = secrets.password("a wrong password for the sync-back client",
            "wrongsync").sentAsBasicBy(syncUser);
    private final PlantedSecret wrongAdminSecret = secrets.password("a wrong admin client secret", "wrongadmin")
            .sentAsBasicBy(adminClient);
    private final PlantedSecret garbledBearer = secrets.password("a garbled bearer token", "garbled");
    private final PlantedSecret wrongOfscSecret = secrets.password("a wrong OFSC client secret", "wrongofsc")
            .sentAsBasicBy(ofscClient + "@" + INSTANCE);
    private final PlantedSecret refusedHookPassword = secrets.password("a route's Basic password the receiver refuses",
            "refhook").sentAsBasicBy(hookUser);
    private final PlantedSecret rotatedHookPassword = secrets.password(
            "a route's refused Basic password, replaced by PUT", "rothook").sentAsBasicBy(hookUser);
    private final PlantedSecret refusedOauthSecret = secrets.password(
            "a route's OAuth2 client secret the receiver refuses", "refcc").sentAsBasicBy(oauthClient);
    private final PlantedSecret refusedUserPassword = secrets.password(
            "a route's OAuth2 user password the receiver refuses", "refpw");
    private final PlantedSecret headerBearer = secrets.password("a route's static Authorization header token", "hdrbearer");
    private final PlantedSecret headerApiKey = secrets.password("a route's X-Api-Key header", "hdrkey");
    private final PlantedSecret refusedApiKey = secrets.password("the X-Api-Key header of a route the receiver refuses",
            "refkey");
    private final PlantedSecret invalidRoutePassword = secrets.password(
            "the password of a route refused as plainly wrong", "badroute");
    private final PlantedSecret invalidRouteSecret = secrets.password(
            "the apiSecret of a route refused as plainly wrong", "badgrant");
    private final PlantedSecret brokenHeader = secrets.password(
            "a credential header refused for its line break", "brokenhdr");
    private final PlantedSecret dryRunPassword = secrets.password("a password only ever dry-run", "drypw")
            .sentAsBasicBy(hookUser);
    private final PlantedSecret dryRunApiSecret = secrets.password("an OAuth2 client secret only ever dry-run", "drysec");
    private final PlantedSecret dryRunUserPassword = secrets.password("an OAuth2 user password only ever dry-run",
            "dryuser");
    private final PlantedSecret dryRunHeader = secrets.password("a credential header only ever dry-run", "dryhdr");
    private final PlantedSecret unreadableRoutePassword = secrets.password(
            "a route password in a body that is not JSON", "unreadable");
    private final PlantedSecret jsonTokenSecret = secrets.password(
            "the admin client secret sent as JSON instead of a form", "jsonsec");
    private final PlantedSecret userInfoPassword = secrets.password(
            "a password in a target URL's userinfo (not one of the README's secret fields)", "userinfo")
            .sentAsBasicBy(hookUser);

    private URI gateway;
    private URI ingest;
    private URI egress;
    private URI ofsc;
    private URI receiver;
    private URI omi;
    private String bootstrap;
    private String adminToken;
    /** Set if egress accepts a target URL with credentials in it. */
    private String userInfoRoute;
    private final Map<String, String> delivering = new LinkedHashMap<>();
    private final Map<String, String> refused = new LinkedHashMap<>();

    @Test
    void noSecretAppearsInTheLogTheAnswersTheActuatorEndpointsOrAnyTopic() throws Exception {
        long started = System.nanoTime();
        Map<String, String> environment = SandboxProcess.freePorts();
        gateway = local(environment, "GATEWAY_PORT");
        ingest = local(environment, "INGEST_PORT");
        egress = local(environment, "EGRESS_PORT");
        ofsc = local(environment, "OFSC_SIM_PORT");
        receiver = local(environment, "RECEIVER_PORT");
        omi = local(environment, "OMI_SIM_PORT");
        bootstrap = "localhost:" + environment.get("KAFKA_PORT");
        environment.putAll(secretEnvironment());
        // Refused deliveries must reach their dead letters within the test, not after ten minutes of retries.
        environment.put("EVENTSYNC_EGRESS_DELIVERY_RETRYFOR", "0s");
        environment.put("EVENTSYNC_EGRESS_BACKSYNC_URL", receiver + "/hooks/open/back-sync");
        // The project's own debug lines are where a request or a credential would most likely be dumped.
        environment.put("LOGGING_LEVEL_IO_EVENTSYNC", "DEBUG");

        String output;
        Map<String, Integer> records;
        Map<String, String> timings = new LinkedHashMap<>();
        LeakSearch search;
        try (SandboxProcess sandbox = SandboxProcess.start(environment)) {
            assertThat(sandbox.awaitReady(START_TIMEOUT)).as(sandbox.output()).isTrue();
            timings.put("ready", seconds(started));
            try {
                String externalId = gatewayTraffic();
                syncBackTraffic();
                adminTraffic();
                ofscTraffic();
                awaitDeliveriesAndDeadLetters(externalId);
            } catch (RuntimeException | AssertionError e) {
                // The search still runs: what was exercised until here is worth searching.
                notExercised.add("the traffic stopped early: " + e);
            }
            timings.put("traffic done", seconds(started));
            for (Map.Entry<String, URI> app : Map.of("gateway", gateway, "ingest-ofsc", ingest, "egress-opsramp", egress)
                    .entrySet()) {
                actuator(app.getKey(), app.getValue());
            }
            simulatorStatus();
            checkRoutesAreSealed();

            search = new LeakSearch(secrets.all());
            assertSearchFindsEveryForm(secrets.all());
            for (AnswerLog.Answer answer : answers.answers()) {
                search.search(answer.group(), answer.request() + " (headers)", answer.headers());
                search.search(answer.group(), answer.request() + " (body)", answer.body());
            }
            records = TopicScan.searchEveryTopic(bootstrap, search);
            timings.put("topics searched", seconds(started));

            int exit = sandbox.terminate(STOP_TIMEOUT);
            if (exit != 0) {
                notExercised.add("the sandbox exited with " + exit + " on SIGTERM");
            }
            output = sandbox.output();
        }
        String[] lines = output.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            search.search("sandbox process log (stdout + stderr)", "line " + (i + 1), lines[i]);
        }
        timings.put("stopped and log searched", seconds(started));

        List<String> findings = search.findings();
        String report = search.summary() + "\nRecords per topic: " + records + "\nSecrets: "
                + secrets.all().stream().map(secret -> secret.name() + " = " + secret.value()).toList()
                + "\nTimings (s): " + timings + "\n\nAnswers searched:\n" + String.join("\n", answers.answers().stream()
                        .map(answer -> "  " + answer.group() + ": " + answer.request()).toList())
                + "\n\nNot exercised: " + notExercised + "\n\nFindings:\n"
                + String.join("\n", findings) + "\n";
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);
        Files.writeString(LOG_COPY, output, StandardCharsets.UTF_8);
        System.out.println(report);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(notExercised).as("paths the test could not exercise (%s)", REPORT.toAbsolutePath())
                    .isEmpty();
            softly.assertThat(records.getOrDefault("egress.dlq", 0)).as("dead letters searched").isPositive();
            softly.assertThat(records.getOrDefault("egress.routes", 0)).as("route records searched").isPositive();
            softly.assertThat(findings).as("secrets found where nobody may read them%n%s", search.summary()).isEmpty();
        });
    }

    /** A search that finds nothing proves nothing unless it finds what it looks for. */
    private static void assertSearchFindsEveryForm(List<PlantedSecret> all) {
        LeakSearch probe = new LeakSearch(all);
        int forms = 0;
        for (PlantedSecret secret : all) {
            for (Map.Entry<String, String> form : secret.forms().entrySet()) {
                probe.search("self-check", secret.name() + " " + form.getKey(), "<" + form.getValue() + ">");
                forms++;
            }
        }
        assertThat(probe.findings()).as("the search over %d forms", forms).hasSize(all.size());
    }

    /** OMi's forwards, right and wrong: the gateway's Basic authentication from every side. */
    private String gatewayTraffic() {
        URI event = gateway.resolve("/opr/event");
        String externalId = JSON.readTree(expect(GATEWAY, post(event, basic(omiUser, omiPassword.value()),
                "application/json", sampleEvent()), 200).body()).path("id").asString();
        expect(GATEWAY, post(event, basic(omiUser, wrongOmiPassword.value()), "application/json", sampleEvent()), 401);
        expect(GATEWAY, post(event, basic("nobody" + run, omiPassword.value()), "application/json", sampleEvent()), 401);
        expect(GATEWAY, post(event, "Basic " + undecodableBasic.value(), "application/json", sampleEvent()), 401);
        expect(GATEWAY, post(event, "Bearer " + garbledBearer.value(), "application/json", sampleEvent()), 401);
        // A sync-back client is no connected server: known, and refused here.
        expect(GATEWAY, post(event, basic(syncUser, syncPassword.value()), "application/json", sampleEvent()), 403);
        expect(GATEWAY, HttpRequest.newBuilder(gateway.resolve("/opr/event/" + externalId))
                .header("Authorization", basic(omiUser, omiPassword.value())).GET().build(), 200);
        expect(GATEWAY, HttpRequest.newBuilder(gateway.resolve("/opr"))
                .header("Authorization", basic(omiUser, wrongOmiPassword.value()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), 401);
        return externalId;
    }

    /** OMi forwards an event, a third party closes it (wrong password first), egress syncs it back to OMi. */
    private void syncBackTraffic() {
        String omiId = "leak-" + run;
        JsonNode forwarded = JSON.readTree(expect(SIMULATORS, post(omi.resolve("/sim/forward"), null,
                "application/json", "{\"id\": \"" + omiId + "\", \"title\": \"Disk full on db01\", \"severity\":"
                        + " \"major\", \"state\": \"open\"}"), 200).body());
        String change = "{\"external_id\": \"" + forwarded.path("external_id").asString()
                + "\", \"changes\": {\"state\": \"closed\"}}";
        URI syncBack = gateway.resolve("/sync-back");
        expect(GATEWAY, post(syncBack, basic(syncUser, wrongSyncPassword.value()), "application/json", change), 401);
        expect(GATEWAY, post(syncBack, basic(omiUser, omiPassword.value()), "application/json", change), -1);
        expect(GATEWAY, post(syncBack, basic(syncUser, syncPassword.value()), "application/json", change), 202);
    }

    /** Tokens refused and issued, bearer tokens garbled and forged, routes created, changed, read, refused and dry-run. */
    private void adminTraffic() {
        URI tokens = egress.resolve("/auth/oauth/token");
        expect(ADMIN, form(tokens, null, "grant_type=client_credentials&client_id=" + encode(adminClient)
                + "&client_secret=" + encode(wrongAdminSecret.value())), 401);
        expect(ADMIN, form(tokens, null, "grant_type=client_credentials&client_id=" + encode("nobody" + run)
                + "&client_secret=" + encode(adminSecret.value())), 401);
        // Clients that know OAuth2 from elsewhere send the client as Basic; egress wants the form.
        expect(ADMIN, form(tokens, basic(adminClient, adminSecret.value()), "grant_type=client_credentials"), -1);
        HttpResponse<String> issued = answers.send(ADMIN, form(tokens, null, "grant_type=client_credentials&client_id="
                + encode(adminClient) + "&client_secret=" + encode(adminSecret.value())), SecretsNeverLeakIT::maskToken);
        require(issued, 200);
        adminToken = JSON.readTree(issued.body()).path("access_token").asString();
        secrets.issued("the admin API token egress issued", adminToken);
        String forged = adminToken.substring(0, adminToken.lastIndexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        secrets.issued("a forged admin token (real claims, another signature)", forged);

        URI list = egress.resolve(EVENTS + "/events");
        expect(ADMIN, HttpRequest.newBuilder(list).header("Authorization", basic(adminClient, adminSecret.value()))
                .GET().build(), 401);
        expect(ADMIN, HttpRequest.newBuilder(list).header("Authorization", "Bearer " + garbledBearer.value()).GET()
                .build(), 401);
        expect(ADMIN, HttpRequest.newBuilder(list).header("Authorization", "Bearer " + forged).GET().build(), 401);
        // Some clients put the token in the query; refused, and the URL is where an access log would keep it.
        expect(ADMIN, get(URI.create(list + "?access_token=" + adminToken)), 401);
        expect(ADMIN, post(tokens, null, "application/json", "{\"grant_type\": \"client_credentials\", \"client_id\": \""
                + adminClient + "\", \"client_secret\": \"" + jsonTokenSecret.value() + "\"}"), -1);

        defineRoutes();
        refusedRoutes();
        changeRoutes();
        for (String id : allRoutes()) {
            expect(ADMIN, admin("GET", EVENTS + "/event/" + id, null), 200);
        }
        expect(ADMIN, admin("GET", EVENTS + "/events", null), 200);
        dryRuns();
    }

    private void defineRoutes() {
        String oauthToken = receiver + "/oauth/token";
        delivering.put("Basic accepted", create(webhook("leak: Basic accepted", "/hooks/basic/leak-ok",
                notifier("BASIC").put("userName", hookUser).put("password", hookPassword.value()))));
        refused.put("Basic refused", create(webhook("leak: Basic refused", "/hooks/basic/leak-refused",
                notifier("BASIC").put("userName", hookUser).put("password", refusedHookPassword.value()))));
        delivering.put("client credentials", create(webhook("leak: client credentials", "/hooks/bearer/leak-cc",
                oauth("CLIENT_CREDENTIALS", oauthSecret, oauthToken))));
        refused.put("client secret refused", create(webhook("leak: client secret refused",
                "/hooks/bearer/leak-cc-refused", oauth("CLIENT_CREDENTIALS", refusedOauthSecret, oauthToken))));
        delivering.put("password grant", create(webhook("leak: password grant", "/hooks/bearer/leak-pw",
                oauth("PASSWORD", oauthSecret, oauthToken).put("userName", oauthUser)
                        .put("password", oauthPassword.value()))));
        delivering.put("refresh token grant", create(webhook("leak: refresh token grant", "/hooks/bearer/leak-rt",
                oauth("REFRESH_TOKEN", oauthSecret, oauthToken).put("userName", oauthUser)
                        .put("password", oauthPassword.value()))));
        refused.put("user password refused", create(webhook("leak: user password refused",
                "/hooks/bearer/leak-pw-refused", oauth("PASSWORD", oauthSecret, oauthToken).put("userName", oauthUser)
                        .put("password", refusedUserPassword.value()))));

        ObjectNode opr = JSON.createObjectNode().put("name", "leak: OPR receiver with Basic").put("entity", "ALERT")
                .put("eventType", "CREATE");
        opr.set("notifier", JSON.createObjectNode().put("type", "REST_API").put("authType", "BASIC")
                .put("baseURI", receiver + "/opr").put("userName", oprUser).put("password", oprPassword.value()));
        opr.putObject("delivery").put("kind", "OPR").put("batchSize", 10);
        delivering.put("OPR receiver", create(opr));

        ObjectNode alerts = JSON.createObjectNode().put("name", "leak: OpsRamp alerts").put("entity", "ALERT")
                .put("eventType", "CREATE").put("endPointURI", receiver + "/api/v2/tenants/client_1/alerts");
        alerts.set("notifier", notifier("OAUTH2").put("grantType", "CLIENT_CREDENTIALS").put("apiKey", opsRampClient)
                .put("apiSecret", opsRampSecret.value()).put("accessTokenURL", receiver + "/auth/oauth/token"));
        alerts.putObject("delivery").put("kind", "OPSRAMP_ALERTS").put("batchSize", 20);
        delivering.put("OpsRamp alerts", create(alerts));

        ObjectNode headers = webhook("leak: credential headers", "/hooks/open/leak-headers", notifier("NONE"));
        header(headers, "Authorization", "Bearer " + headerBearer.value());
        header(headers, "X-Api-Key", headerApiKey.value());
        delivering.put("credential headers", create(headers));
        ObjectNode apiKey = webhook("leak: API key refused", "/hooks/basic/leak-api-key", notifier("NONE"));
        header(apiKey, "X-Api-Key", refusedApiKey.value());
        refused.put("API key refused", create(apiKey));
    }

    /** Plainly wrong routes carrying secrets: the problem answers name the fields, and must not quote the secrets. */
    private void refusedRoutes() {
        expect(ADMIN, admin("POST", EVENTS + "/event", webhook("leak: wrong method", "/hooks/basic/wrong",
                notifier("BASIC").put("userName", hookUser).put("password", invalidRoutePassword.value()))
                .put("thirdPartyEventType", "TELEPORT")), 400);
        expect(ADMIN, admin("POST", EVENTS + "/event", webhook("leak: wrong grant", "/hooks/bearer/wrong",
                oauth("TELEPATHY", invalidRouteSecret, receiver + "/oauth/token"))), 400);
        ObjectNode broken = webhook("leak: header with a line break", "/hooks/open/wrong", notifier("NONE"));
        header(broken, "X-Api-Key", brokenHeader.value() + "\r\nX-Injected: yes");
        expect(ADMIN, admin("POST", EVENTS + "/event", broken), 400);
        // Bodies a parser cannot read: its messages quote the token it choked on.
        String notifier = "{\"name\": \"leak: unreadable\", \"entity\": \"ALERT\", \"eventType\": \"CREATE\", \"notifier\":"
                + " {\"type\": \"REST_API\", \"authType\": \"BASIC\", \"userName\": \"" + hookUser + "\", \"password\": ";
        String marker = unreadableRoutePassword.value().substring(0, unreadableRoutePassword.value().indexOf('+'));
        for (String unreadable : List.of(notifier + marker + "}}", notifier + "\"" + unreadableRoutePassword.value(),
                notifier + "[\"" + unreadableRoutePassword.value() + "\"]}}")) {
            expect(ADMIN, HttpRequest.newBuilder(egress.resolve(EVENTS + "/event"))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(unreadable)).build(), 400);
        }
        // Credentials in a target's URL, as curl takes them: egress must refuse them or keep them secret.
        ObjectNode userInfo = webhook("leak: credentials in the URL", "http://" + hookUser + ":"
                + encode(userInfoPassword.value()) + "@" + receiver.getAuthority() + "/hooks/basic/leak-userinfo",
                notifier("NONE"));
        HttpResponse<String> accepted = expect(ADMIN, admin("POST", EVENTS + "/event", userInfo), -1);
        if (accepted.statusCode() == 200) {
            userInfoRoute = JSON.readTree(accepted.body()).path("id").asString();
            expect(ADMIN, admin("GET", EVENTS + "/event/" + userInfoRoute, null), 200);
        }
    }

    /** A refused password replaced, and credential headers sent back masked, which keeps them. */
    private void changeRoutes() {
        String refusedBasic = refused.get("Basic refused");
        if (refusedBasic != null) {
            expect(ADMIN, admin("PUT", EVENTS + "/event/" + refusedBasic, webhook("leak: Basic refused",
                    "/hooks/basic/leak-refused", notifier("BASIC").put("userName", hookUser)
                            .put("password", rotatedHookPassword.value()))), 200);
        }
        String headers = delivering.get("credential headers");
        if (headers != null) {
            ObjectNode masked = webhook("leak: credential headers, renamed", "/hooks/open/leak-headers", notifier("NONE"));
            header(masked, "Authorization", "******");
            header(masked, "X-Api-Key", "******");
            expect(ADMIN, admin("PUT", EVENTS + "/event/" + headers, masked), 200);
        }
    }

    private void dryRuns() {
        ObjectNode basicRoute = webhook("dry: Basic", "/hooks/basic/dry", notifier("BASIC").put("userName", hookUser)
                .put("password", dryRunPassword.value()));
        header(basicRoute, "X-Api-Key", dryRunHeader.value());
        header(basicRoute, "Cookie", "session=" + dryRunHeader.value());
        List<ObjectNode> routes = List.of(basicRoute,
                webhook("dry: client credentials", "/hooks/bearer/dry",
                        oauth("CLIENT_CREDENTIALS", dryRunApiSecret, receiver + "/oauth/token")),
                webhook("dry: password grant", "/hooks/bearer/dry", oauth("PASSWORD", dryRunApiSecret,
                        receiver + "/oauth/token").put("userName", oauthUser).put("password", dryRunUserPassword.value())));
        for (ObjectNode route : routes) {
            ObjectNode dryRun = JSON.createObjectNode().put("source", "omi");
            dryRun.set("integrationEvent", route);
            ObjectNode record = dryRun.putObject("record").put("schema", "eventsync.opr-record/v1").put("kind", "event")
                    .put("connected_server", omiUser).put("omi_event_id", "dry-" + run);
            record.putObject("event").put("id", "dry-" + run).put("title", "dry run").put("severity", "major")
                    .put("state", "open");
            JsonNode answer = JSON.readTree(expect(ADMIN, admin("POST", EVENTS + "/event/render", dryRun), 200).body());
            if (!answer.path("selected").asBoolean()) {
                notExercised.add("the dry run of '" + route.path("name").asString() + "' selected nothing: " + answer);
            }
        }
    }

    /** The OFSC simulator refusing secrets (ingest itself only ever has the right one) and issuing a token. */
    private void ofscTraffic() {
        String user = ofscClient + "@" + INSTANCE;
        URI subscriptions = ofsc.resolve("/rest/ofscCore/v1/events/subscriptions");
        URI tokens = ofsc.resolve("/rest/oauthTokenService/v2/token");
        expect(SIMULATORS, HttpRequest.newBuilder(subscriptions).header("Authorization", basic(user,
                wrongOfscSecret.value())).GET().build(), 401);
        expect(SIMULATORS, form(tokens, null, "grant_type=client_credentials&client_id=" + encode(user)
                + "&client_secret=" + encode(wrongOfscSecret.value())), 401);
        expect(SIMULATORS, form(tokens, basic(user, wrongOfscSecret.value()), "grant_type=client_credentials"), 401);
        expect(SIMULATORS, HttpRequest.newBuilder(subscriptions).header("Authorization", "Bearer "
                + garbledBearer.value()).GET().build(), 401);
        HttpResponse<String> issued = answers.send(SIMULATORS, form(tokens, basic(user, ofscSecret.value()),
                "grant_type=client_credentials"), SecretsNeverLeakIT::maskToken);
        require(issued, 200);
        String token = JSON.readTree(issued.body()).path("access_token").asString();
        secrets.issued("the OFSC simulator's access token", token);
        expect(SIMULATORS, HttpRequest.newBuilder(subscriptions).header("Authorization", "Bearer " + token).GET()
                .build(), 200);
    }

    /**
     * Events keep coming until every accepting route has delivered, every refusing one has dead
     * letters, the sync-back reached OMi and ingest has read OFSC events: only then has every
     * secret been used.
     */
    private void awaitDeliveriesAndDeadLetters(String externalId) {
        long deadline = System.nanoTime() + TRAFFIC_TIMEOUT.toNanos();
        List<String> missing;
        do {
            expect(GATEWAY, post(gateway.resolve("/opr/event"), basic(omiUser, omiPassword.value()), "application/json",
                    sampleEvent()), 200);
            Await.pause(Duration.ofSeconds(2));
            missing = missingEvidence();
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        notExercised.addAll(missing);
        if (externalId == null || externalId.isEmpty()) {
            notExercised.add("the gateway answered no external id");
        }
    }

    private List<String> missingEvidence() {
        List<String> missing = new ArrayList<>();
        String egressMetrics = expect("egress-opsramp /actuator/prometheus", get(egress.resolve("/actuator/prometheus")),
                200).body();
        delivering.forEach((name, id) -> {
            if (metric(egressMetrics, "eventsync_egress_delivered_total", id) <= 0) {
                missing.add("route '" + name + "' (" + id + ") delivered nothing");
            }
        });
        Set<String> deadLettered = deadLetterRoutes();
        refused.forEach((name, id) -> {
            if (!deadLettered.contains(id)) {
                missing.add("route '" + name + "' (" + id + ") has no dead letter");
            }
        });
        if (userInfoRoute != null && !deadLettered.contains(userInfoRoute)) {
            missing.add("the route with credentials in its URL (" + userInfoRoute + ") has no dead letter");
        }
        if (!deadLettered.contains(SANDBOX_OPR_ROUTE)) {
            missing.add("the sandbox's own OPR route has no dead letter (the receiver wants Basic now)");
        }
        String omiEvents = expect(SIMULATORS, get(omi.resolve("/sim/events")), 200).body();
        boolean closed = false;
        for (JsonNode event : JSON.readTree(omiEvents)) {
            closed |= ("leak-" + run).equals(event.path("omi_event_id").asString())
                    && "closed".equals(event.path("state").asString());
        }
        if (!closed) {
            missing.add("the sync-back change did not reach OMi: " + omiEvents);
        }
        String ingestMetrics = expect("ingest-ofsc /actuator/prometheus", get(ingest.resolve("/actuator/prometheus")),
                200).body();
        if (ingestMetrics.lines().noneMatch(line -> line.startsWith("eventsync_ingest_events_total{")
                && value(line) > 0)) {
            missing.add("ingest read no OFSC event");
        }
        return missing;
    }

    private Set<String> deadLetterRoutes() {
        Set<String> routes = new LinkedHashSet<>();
        try {
            for (ConsumerRecord<String, byte[]> letter : TopicReader.readToEnd(bootstrap, "egress.dlq",
                    new ByteArrayDeserializer())) {
                Header route = letter.headers().lastHeader("eventsync-dlq-route");
                if (route != null) {
                    routes.add(new String(route.value(), StandardCharsets.UTF_8));
                }
            }
        } catch (RuntimeException e) {
            // The topic appears with the first dead letter.
        }
        return routes;
    }

    /** Routes must reach Kafka sealed: every record of ours holds sealed values, whatever else it holds. */
    private void checkRoutesAreSealed() {
        Map<String, List<String>> values = new HashMap<>();
        for (ConsumerRecord<String, String> record : TopicReader.readToEnd(bootstrap, "egress.routes",
                new StringDeserializer())) {
            values.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value());
        }
        for (String id : allRoutes()) {
            List<String> stored = values.getOrDefault("client_1/INTG-sandbox/" + id, List.of());
            if (stored.isEmpty()) {
                notExercised.add("route " + id + " is not on egress.routes (keys there: " + values.keySet() + ")");
            } else if (!stored.stream().allMatch(value -> value != null && value.contains("sealed:v1:"))) {
                notExercised.add("route " + id + " is on egress.routes without a sealed secret: " + stored);
            }
        }
    }

    private void actuator(String app, URI base) {
        expect(app + " /actuator/prometheus", get(base.resolve("/actuator/prometheus")), 200);
        for (String health : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            // A component DOWN answers 503 with the same details: searched all the same.
            HttpResponse<String> answer = expect(app + " /actuator/health", get(base.resolve(health)), -1);
            if (answer.statusCode() != 200 && answer.statusCode() != 503) {
                notExercised.add(app + " " + health + " answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        expect(app + " /actuator/info", get(base.resolve("/actuator/info")), 200);
        // Not exposed; if one ever is, what it answers is searched like the rest.
        for (String hidden : List.of("env", "configprops", "loggers", "mappings", "beans")) {
            answers.send(app + " /actuator/<not exposed>", get(base.resolve("/actuator/" + hidden)));
        }
    }

    private void simulatorStatus() {
        expect(SIMULATORS, get(receiver.resolve("/sim/status")), 200);
        expect(SIMULATORS, get(ofsc.resolve("/sim/status")), 200);
        expect(SIMULATORS, get(omi.resolve("/sim/events")), 200);
    }

    private Map<String, String> secretEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OMI_CONNECTED_SERVER_NAME", omiUser);
        environment.put("OMI_CONNECTED_SERVER_PASSWORD", omiPassword.value());
        environment.put("SYNC_BACK_CLIENT_NAME", syncUser);
        environment.put("SYNC_BACK_CLIENT_PASSWORD", syncPassword.value());
        environment.put("OFSC_INSTANCE", INSTANCE);
        environment.put("OFSC_CLIENT_ID", ofscClient);
        environment.put("OFSC_CLIENT_SECRET", ofscSecret.value());
        environment.put("EGRESS_ADMIN_CLIENT_ID", adminClient);
        environment.put("EGRESS_ADMIN_CLIENT_SECRET", adminSecret.value());
        environment.put("EGRESS_TOKEN_KEY", tokenKey.value());
        environment.put("EGRESS_SECRET_KEY", sealingKey.value());
        environment.put("RECEIVER_OPR_USER", oprUser);
        environment.put("RECEIVER_OPR_PASSWORD", oprPassword.value());
        environment.put("RECEIVER_HOOK_USER", hookUser);
        environment.put("RECEIVER_HOOK_PASSWORD", hookPassword.value());
        environment.put("RECEIVER_OAUTH_CLIENT_ID", oauthClient);
        environment.put("RECEIVER_OAUTH_CLIENT_SECRET", oauthSecret.value());
        environment.put("RECEIVER_OAUTH_USER", oauthUser);
        environment.put("RECEIVER_OAUTH_PASSWORD", oauthPassword.value());
        environment.put("RECEIVER_OPSRAMP_CLIENT_ID", opsRampClient);
        environment.put("RECEIVER_OPSRAMP_CLIENT_SECRET", opsRampSecret.value());
        return environment;
    }

    private String create(ObjectNode route) {
        JsonNode answer = JSON.readTree(expect(ADMIN, admin("POST", EVENTS + "/event", route), 200).body());
        if (!"COMPLETE".equals(answer.path("status").asString())) {
            notExercised.add("route '" + route.path("name").asString() + "' is not COMPLETE: " + answer);
        }
        return answer.path("id").asString();
    }

    private List<String> allRoutes() {
        List<String> ids = new ArrayList<>(delivering.values());
        ids.addAll(refused.values());
        ids.removeIf(id -> id == null || id.isEmpty());
        return ids;
    }

    private ObjectNode webhook(String name, String path, ObjectNode notifier) {
        ObjectNode route = JSON.createObjectNode().put("name", name).put("entity", "ALERT").put("eventType", "CREATE")
                .put("endPointURI", path).put("thirdPartyEventType", "POST")
                .put("payload", Base64.getEncoder().encodeToString("{\"text\":\"$alert.subject\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        route.set("notifier", notifier);
        header(route, "Content-Type", "application/json");
        return route;
    }

    private ObjectNode notifier(String authType) {
        return JSON.createObjectNode().put("type", "REST_API").put("authType", authType).put("baseURI", receiver.toString());
    }

    private ObjectNode oauth(String grant, PlantedSecret clientSecret, String tokenUrl) {
        return notifier("OAUTH2").put("grantType", grant).put("apiKey", oauthClient).put("apiSecret", clientSecret.value())
                .put("accessTokenURL", tokenUrl);
    }

    private static void header(ObjectNode route, String key, String value) {
        ArrayNode headers = route.has("headers") ? (ArrayNode) route.get("headers") : route.putArray("headers");
        headers.addObject().put("key", key).put("value", value);
    }

    private HttpRequest admin(String method, String path, ObjectNode body) {
        return HttpRequest.newBuilder(egress.resolve(path)).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    /** @param expected the status this path must answer, or -1 for any (the answer is searched all the same) */
    private HttpResponse<String> expect(String group, HttpRequest request, int expected) {
        HttpResponse<String> response = answers.send(group, request);
        if (expected >= 0) {
            require(response, expected);
        }
        return response;
    }

    private void require(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            notExercised.add(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ", not " + expected + ": " + response.body());
        }
    }

    private static HttpRequest post(URI uri, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static HttpRequest form(URI uri, String authorization, String form) {
        return post(uri, authorization, "application/x-www-form-urlencoded", form);
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).GET().build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A token endpoint's answer is the token: that one answer may hold it, and nothing else may. */
    private static String maskToken(String body) {
        try {
            String token = JSON.readTree(body).path("access_token").asString("");
            return token.isEmpty() ? body : body.replace(token, "<the token this answer issues>");
        } catch (RuntimeException e) {
            return body;
        }
    }

    /** The JSON sample under a new OMi id, so that every forward is a new event for every route. */
    private static String sampleEvent() {
        try {
            return Files.readString(Path.of("samples", "event.json"), StandardCharsets.UTF_8)
                    .replace("7a1c3e90-2b6d-71e4-0d4e-0a1e2f3b4c6e", UUID.randomUUID().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double metric(String exposition, String name, String route) {
        String tag = "route=\"" + route + "\"";
        return exposition.lines().filter(line -> line.startsWith(name + "{") && line.contains(tag))
                .mapToDouble(SecretsNeverLeakIT::value).sum();
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String seconds(long since) {
        return String.format("%.1f", (System.nanoTime() - since) / 1e9);
    }

    private static URI local(Map<String, String> environment, String port) {
        return URI.create("http://localhost:" + environment.get(port));
    }
}
