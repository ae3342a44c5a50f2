package io.eventsync.sandbox.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.gateway.metrics.GatewayMetrics;
import io.eventsync.ingest.metrics.IngestMetrics;
import io.eventsync.sandbox.SandboxProcess;
import io.eventsync.sandbox.monitoring.PromQlMetrics.Use;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus scraping the packaged sandbox's three apps (its own process, free ports), with
 * the alert rules loaded: every metric the Grafana dashboard and the rules read exists in what it
 * scraped, with the labels they filter and group by (and the label values they select), the rules
 * evaluate healthily, every target is up, and the alerts the test provokes go pending while those of
 * a healthy sandbox stay quiet.
 *
 * <p>Traffic, so that every app has its meters: the forward sample (gateway → opr.events → egress to
 * the receiver simulator), OFSC events (generated from the start, read by ingest), a malformed
 * document and a change for an unknown event (gateway refusals), and three routes defined through
 * egress's admin API against the receiver simulator: one whose Basic password it refuses (401, dead
 * letters), one whose OAuth2 client secret its token endpoint refuses (token requests, retries,
 * unanswered requests, dead letters after max-attempts) and an incomplete one. The back-sync hook is
 * the receiver's open webhook (EVENTSYNC_EGRESS_BACKSYNC_URL), so its Init is called and counted.
 *
 * <p>Needs /usr/bin/prometheus (Debian's prometheus package); without it the test fails.
 */
class PrometheusScrapeIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RULES_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Metrics whose series appear only after an event that nothing outside the sandbox's JVM can cause.
     * Each is confirmed instead by rendering the app's own meter class in a Prometheus registry
     * ({@link #notScrapedMetricsAreWhatTheAppsMeterClassesRender}): same code, same names and labels.
     */
    private static final Map<String, String> NOT_SCRAPED = Map.of(
            "eventsync_ingest_recoveries_total",
            "a since recovery needs OFSC to refuse a page marker (its events expired unread); ingest keeps up with the "
                    + "simulator's 7-day retention, whose faults are reachable only in-process (IngestRecoveryIT)",
            "eventsync_ingest_events_skipped_total", "counted only during a since recovery (as above)",
            "eventsync_ingest_api_errors_total",
            "needs OFSC to fail a call; the simulator's faults and rate limit are set only in-process (IngestFaultsIT)",
            "eventsync_gateway_kafka_errors_total",
            "needs the producer to fail; the sandbox's broker lives in the sandbox's own JVM (KafkaOutageIT kills a "
                    + "forked one)");

    /**
     * Label values the rules or the dashboard select (label="value", checked one label at a time) that a
     * healthy sandbox never produces.
     */
    private static final Map<String, String> VALUES_NOT_SEEN = Map.of(
            "eventsync_ingest_pages_total{result=\"empty\"}",
            "the OFSC simulator generates 300 events/s: no poll comes back empty");

    /** Labels the scrape adds (namespace here, Kubernetes discovery there) or Boot's common tag: not the meter's own. */
    private static final Set<String> NOT_FROM_THE_METER = Set.of("namespace", "job", "instance", "application");

    private static final List<String> JOBS = List.of("gateway", "ingest-ofsc", "egress-opsramp");
    /** Provoked below, so they must go pending (or firing). */
    private static final Set<String> PROVOKED = Set.of("EventsyncEgressDeadLettersGrowing",
            "EventsyncEgressTargetUnauthorized", "EventsyncEgressRouteIncomplete");
    /** A healthy sandbox with a working hook must not have these pending or firing. */
    private static final Set<String> QUIET = Set.of("EventsyncTargetDown", "EventsyncTargetMissing",
            "EventsyncEgressBackSyncHookDown", "EventsyncIngestSubscriptionStopped", "EventsyncIngestRecoveredWithSince",
            "EventsyncGatewayAnswering503");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void prometheusScrapesEveryMetricTheDashboardAndTheRulesUseAndEvaluatesTheRulesHealthily() throws Exception {
        Path prometheusBinary = PrometheusTools.binary("prometheus");
        List<Use> used = usedByTheDashboardAndTheRules();
        assertThat(used.stream().map(Use::metric)).as("allow-list entries still used").containsAll(NOT_SCRAPED.keySet());
        assertThat(used.stream().flatMap(use -> use.values().entrySet().stream()
                .map(value -> use.metric() + "{" + value.getKey() + "=\"" + value.getValue() + "\"}")))
                .as("allow-list entries still used").containsAll(VALUES_NOT_SEEN.keySet());

        Map<String, String> environment = SandboxProcess.freePorts();
        int gatewayPort = Integer.parseInt(environment.get("GATEWAY_PORT"));
        int ingestPort = Integer.parseInt(environment.get("INGEST_PORT"));
        int egressPort = Integer.parseInt(environment.get("EGRESS_PORT"));
        int receiverPort = Integer.parseInt(environment.get("RECEIVER_PORT"));
        String receiver = "http://localhost:" + receiverPort;
        environment.put("EVENTSYNC_EGRESS_BACKSYNC_URL", receiver + "/hooks/open/back-sync");
        // The refused-secret route must reach its dead letters within the test, not after ten minutes of retries.
        environment.put("EVENTSYNC_EGRESS_DELIVERY_RETRYFOR", "0s");

        Path work = Files.createTempDirectory("eventsync-prometheus-");
        try (RunningSandbox sandbox = RunningSandbox.start(environment)) {
            assertThat(sandbox.awaitReady(START_TIMEOUT)).as(sandbox.output()).isTrue();
            Map<String, Integer> jobs = new LinkedHashMap<>();
            jobs.put("gateway", gatewayPort);
            jobs.put("ingest-ofsc", ingestPort);
            jobs.put("egress-opsramp", egressPort);
            try (PrometheusServer prometheus = PrometheusServer.start(prometheusBinary, work, PrometheusTools.RULES, jobs)) {
                URI gateway = URI.create("http://localhost:" + gatewayPort);
                URI egress = URI.create("http://localhost:" + egressPort);
                defineFailingRoutes(egress, receiver);
                runForwardSample(environment);
                provokeGatewayRefusals(gateway);

                List<String> missing = awaitEmpty(METRICS_TIMEOUT, () -> {
                    forwardEvent(gateway);
                    return missingFrom(prometheus, used);
                });
                assertThat(missing).as("used by the dashboard or the rules, not in what Prometheus scraped "
                        + "(Prometheus log:%n%s)", prometheus.log()).isEmpty();

                List<String> unhealthy = awaitEmpty(RULES_TIMEOUT, () -> unhealthyRules(prometheus));
                assertThat(unhealthy).as("rules not evaluated healthily").isEmpty();
                assertThat(ruleNames(prometheus)).containsExactlyInAnyOrderElementsOf(
                        PromtoolRulesIT.alertNames(PrometheusTools.RULES));

                List<String> down = awaitEmpty(RULES_TIMEOUT, () -> targetsNotUp(prometheus));
                assertThat(down).as("targets whose up is not 1").isEmpty();

                List<String> notActive = awaitEmpty(RULES_TIMEOUT, () -> {
                    forwardEvent(gateway);
                    Set<String> active = activeAlerts(prometheus);
                    return PROVOKED.stream().filter(alert -> !active.contains(alert)).sorted().toList();
                });
                assertThat(notActive).as("provoked alerts not pending or firing").isEmpty();
                assertThat(activeAlerts(prometheus)).as("alerts of a healthy sandbox").doesNotContainAnyElementsOf(QUIET);
            }
            assertThat(sandbox.terminate(STOP_TIMEOUT)).as(sandbox.output()).isZero();
        } finally {
            deleteRecursively(work);
        }
    }

    @Test
    void notScrapedMetricsAreWhatTheAppsMeterClassesRender() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestMetrics ingest = new IngestMetrics(registry, Clock.systemUTC());
        ingest.recovery("field-activity", "marker_rejected");
        ingest.eventsSkipped("field-activity", 1);
        ingest.apiError("field-activity", 503);
        new GatewayMetrics(registry, () -> 0).kafkaError(new IllegalStateException("for the test"));
        Map<String, List<Set<String>>> rendered = labelNamesByMetric(registry.scrape());

        for (Use use : usedByTheDashboardAndTheRules()) {
            if (NOT_SCRAPED.containsKey(use.metric())) {
                Set<String> own = new TreeSet<>(use.labels());
                own.removeAll(NOT_FROM_THE_METER);
                assertThat(rendered.getOrDefault(use.metric(), List.of()))
                        .as("%s rendered by the app's meter class (not scraped: %s)", use, NOT_SCRAPED.get(use.metric()))
                        .anySatisfy(labels -> assertThat(labels).containsAll(own));
            }
        }
    }

    /** Every metric use of the dashboard's panels and variables and of the rules' expressions. */
    static List<Use> usedByTheDashboardAndTheRules() {
        List<String> expressions = new ArrayList<>();
        try {
            JsonNode dashboard = JSON.readTree(Files.readString(PrometheusTools.DASHBOARD, StandardCharsets.UTF_8));
            dashboard.findValues("targets").forEach(targets ->
                    targets.forEach(target -> expressions.add(target.path("expr").asString())));
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if ("query".equals(variable.path("type").asString())) {
                    JsonNode query = variable.path("query");
                    expressions.add(query.isObject() ? query.path("query").asString() : query.asString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PromtoolRulesIT.rules(PrometheusTools.RULES).forEach(rule -> expressions.add(String.valueOf(rule.get("expr"))));
        assertThat(expressions).as("expressions").allSatisfy(expression -> assertThat(expression).isNotBlank());
        return expressions.stream().flatMap(expression -> PromQlMetrics.of(expression).stream()).distinct().toList();
    }

    private static List<String> missingFrom(PrometheusServer prometheus, List<Use> used) {
        Map<String, List<Map<String, String>>> series = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Use use : used) {
            if (NOT_SCRAPED.containsKey(use.metric())) {
                continue;
            }
            List<Map<String, String>> known = series.computeIfAbsent(use.metric(), prometheus::series);
            if (known.stream().noneMatch(labels -> labels.keySet().containsAll(use.labels()))) {
                missing.add(use + (known.isEmpty() ? ": no series" : ": its series carry " + labelNames(known)));
                continue;
            }
            use.values().forEach((label, value) -> {
                String selector = use.metric() + "{" + label + "=\"" + value + "\"}";
                if (!VALUES_NOT_SEEN.containsKey(selector)
                        && known.stream().noneMatch(labels -> value.equals(labels.get(label)))) {
                    missing.add(selector + ": no series with that value");
                }
            });
        }
        return missing;
    }

    private static List<String> unhealthyRules(PrometheusServer prometheus) {
        List<String> unhealthy = new ArrayList<>();
        JsonNode groups = prometheus.api("rules").path("groups");
        if (groups.isEmpty()) {
            return List.of("no rule group loaded");
        }
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                if (!"ok".equals(rule.path("health").asString())) {
                    unhealthy.add(rule.path("name").asString() + ": " + rule.path("health").asString() + " "
                            + rule.path("lastError").asString(""));
                }
            }
        }
        return unhealthy;
    }

    private static List<String> ruleNames(PrometheusServer prometheus) {
        List<String> names = new ArrayList<>();
        prometheus.api("rules").path("groups").forEach(group ->
                group.path("rules").forEach(rule -> names.add(rule.path("name").asString())));
        return names;
    }

    private static List<String> targetsNotUp(PrometheusServer prometheus) {
        Map<String, String> up = new TreeMap<>();
        prometheus.query("up").path("result").forEach(result ->
                up.put(result.path("metric").path("job").asString(), result.path("value").path(1).asString()));
        return JOBS.stream().filter(job -> !"1".equals(up.get(job))).map(job -> job + " up=" + up.get(job)).toList();
    }

    private static Set<String> activeAlerts(PrometheusServer prometheus) {
        Set<String> active = new TreeSet<>();
        prometheus.api("alerts").path("alerts").forEach(alert -> active.add(alert.path("labels").path("alertname").asString()));
        return active;
    }

    /** Three routes on OMi events (ALERT CREATE), each failing at the receiver simulator in its own way. */
    private void defineFailingRoutes(URI egress, String receiver) {
        String token = JSON.readTree(send(HttpRequest.newBuilder(egress.resolve("/auth/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=admin&client_secret="
                        + URLEncoder.encode("admin-sandbox", StandardCharsets.UTF_8))).build(), 200).body())
                .path("access_token").asString();
        String payload = Base64.getEncoder().encodeToString("{\"text\":\"$alert.subject\"}".getBytes(StandardCharsets.UTF_8));
        String webhook = """
                {"name": "%s", "entity": "ALERT", "eventType": "CREATE", "endPointURI": "%s",
                 "thirdPartyEventType": "POST", "payload": "%s",
                 "headers": [{"key": "Content-Type", "value": "application/json"}], "notifier": %s}""";
        List<String> routes = List.of(
                webhook.formatted("monitoring: Basic password refused", "/hooks/basic/monitoring", payload,
                        "{\"type\": \"REST_API\", \"authType\": \"BASIC\", \"baseURI\": \"%s\", \"userName\": \"webhook\", \"password\": \"wrong\"}"
                                .formatted(receiver)),
                webhook.formatted("monitoring: token refused", "/hooks/bearer/monitoring", payload,
                        ("{\"type\": \"REST_API\", \"authType\": \"OAUTH2\", \"baseURI\": \"%s\", \"grantType\": \"CLIENT_CREDENTIALS\","
                                + " \"apiKey\": \"eventsync\", \"apiSecret\": \"wrong\", \"accessTokenURL\": \"%s/oauth/token\"}")
                                .formatted(receiver, receiver)),
                // OAUTH2 without grantType, apiKey, apiSecret, accessTokenURL: kept as INCOMPLETE.
                webhook.formatted("monitoring: incomplete", "/hooks/bearer/incomplete", payload,
                        "{\"type\": \"REST_API\", \"authType\": \"OAUTH2\", \"baseURI\": \"%s\"}".formatted(receiver)));
        for (String route : routes) {
            send(HttpRequest.newBuilder(egress.resolve("/api/v2/tenants/client_1/integrations/installed/INTG-sandbox/event"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(route)).build(), 200);
        }
    }

    /** sandbox/samples/forward-sample.sh, as SandboxIT runs it: an XML event, its change, a JSON bulk. */
    private static void runForwardSample(Map<String, String> environment) throws IOException, InterruptedException {
        Path log = Files.createTempFile("forward-sample-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "samples/forward-sample.sh").redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("GATEWAY_PORT", environment.get("GATEWAY_PORT"),
                    "KAFKA_PORT", environment.get("KAFKA_PORT"),
                    "SANDBOX_JAR", RunningSandbox.jar().toAbsolutePath().toString()));
            Process script = builder.start();
            if (!script.waitFor(120, TimeUnit.SECONDS)) {
                script.destroyForcibly();
            }
            assertThat(script.isAlive() ? -1 : script.exitValue()).as(Files.readString(log)).isZero();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** A malformed document (a problem answer) and a change for an event the gateway never saw (a rejected item). */
    private void provokeGatewayRefusals(URI gateway) {
        HttpResponse<String> malformed = send(omi(gateway.resolve("/opr/event"), "application/json", "{not json"), -1);
        assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
        String unknownChange = "<event_change xmlns=\"http://www.hp.com/2009/software/opr/data_model\">"
                + "<changed_properties><state_property_change><property_name>state</property_name>"
                + "<current_value>closed</current_value></state_property_change></changed_properties></event_change>";
        // Answered 404: counted as rejected, unknown_event.
        send(omi(gateway.resolve("/opr/event_change/" + UUID.randomUUID()), "application/xml", unknownChange), 404);
    }

    /** The JSON sample under a new OMi id: one more record for every ALERT CREATE route. */
    private void forwardEvent(URI gateway) {
        String event;
        try {
            event = Files.readString(Path.of("samples", "event.json"), StandardCharsets.UTF_8)
                    .replace("7a1c3e90-2b6d-71e4-0d4e-0a1e2f3b4c6e", UUID.randomUUID().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        send(omi(gateway.resolve("/opr/event"), "application/json", event), 200);
    }

    private static HttpRequest omi(URI uri, String contentType, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "omi:omi-sandbox".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** @param expected the status to insist on, or -1 for any */
    private HttpResponse<String> send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(request, (name, value) -> true)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (expected >= 0) {
                assertThat(response.statusCode()).as(request.uri() + ": " + response.body()).isEqualTo(expected);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code problems} is empty or time is up; the last problems found. */
    private static List<String> awaitEmpty(Duration timeout, Supplier<List<String>> problems) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> found = problems.get();
        while (!found.isEmpty() && System.nanoTime() < deadline) {
            PrometheusServer.sleep(POLL);
            found = problems.get();
        }
        return found;
    }

    private static Set<String> labelNames(List<Map<String, String>> series) {
        Set<String> names = new TreeSet<>();
        series.forEach(labels -> names.addAll(labels.keySet()));
        return names;
    }

    /** Metric name to the label-name sets of its lines, from Prometheus' text format. */
    private static Map<String, List<Set<String>>> labelNamesByMetric(String exposition) {
        Map<String, List<Set<String>>> metrics = new HashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
            Set<String> labels = new LinkedHashSet<>();
            if (brace >= 0 && brace < space) {
                String body = line.substring(brace + 1, line.lastIndexOf('}'));
                for (String pair : body.split(",(?=[a-zA-Z_][a-zA-Z0-9_]*=\")")) {
                    labels.add(pair.substring(0, pair.indexOf('=')));
                }
            }
            metrics.computeIfAbsent(name, key -> new ArrayList<>()).add(labels);
        }
        return metrics;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
