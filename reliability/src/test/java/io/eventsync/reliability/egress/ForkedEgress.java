package io.eventsync.reliability.egress;

import io.eventsync.egress.EgressApplication;
import io.eventsync.reliability.ForkedApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * egress-opsramp in its own JVM ({@link ForkedApp}), with its delivery defaults, one tenant whose base
 * notifier is the test's target, and its admin API for creating routes.
 */
public final class ForkedEgress implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration READY = Duration.ofSeconds(120);
    private static final String ADMIN_PATH = "/api/v2/tenants/client_1/integrations/installed/INTG-sandbox/event";

    private final ForkedApp app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public long pid() {
        return app.pid();
    }

    public int port() {
        return app.port();
    }

    /**
     * @param target where the tenant's base notifier points (an allow-listed loopback address)
     * @param extra further {@code --key=value} arguments
     */
    public ForkedEgress(String bootstrapServers, String eventsTopic, String deadLetterTopic, URI target, List<String> extra,
                 Path log) {
        List<String> arguments = new ArrayList<>(List.of(
                "--eventsync.kafka.bootstrap-servers=" + bootstrapServers,
                "--eventsync.egress.route-topic=" + eventsTopic + ".routes",
                "--eventsync.egress.delivery.topics=" + eventsTopic,
                "--eventsync.egress.delivery.dead-letter-topic=" + deadLetterTopic,
                "--eventsync.egress.delivery.replay-topic=" + eventsTopic + ".replay",
                "--eventsync.egress.allowlist=" + target.getHost() + ":" + target.getPort(),
                "--eventsync.egress.tenants[0].id=client_1",
                "--eventsync.egress.tenants[0].integrations[0].id=INTG-sandbox",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.type=REST_API",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.authType=NONE",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.baseURI=" + target,
                "--logging.level.root=WARN"));
        arguments.addAll(extra);
        this.app = new ForkedApp(EgressApplication.class, "egress", arguments, log, READY);
    }

    /** A new JVM on the same port, returned once it says it is ready. */
    public void start() {
        app.start();
    }

    /** SIGKILL: no shutdown hook, no graceful drain, batches in flight are cut. */
    public void kill() throws InterruptedException {
        app.kill();
    }

    /**
     * A webhook route for OMi events, {@code batchSize} rendered payloads ({@code {"text": title}}) per
     * request, as a JSON array.
     */
    void createWebhookRoute(String name, String path, int batchSize) throws Exception {
        createWebhookRoute(name, path, batchSize, "subject");
    }

    /** @param field the ALERT view's field each payload's {@code text} is (e.g. {@code id}, OMi's event id) */
    public void createWebhookRoute(String name, String path, int batchSize, String field) throws Exception {
        ObjectNode route = JSON.createObjectNode().put("name", name).put("entity", "ALERT")
                .put("eventType", "CREATE").put("useBaseNotifier", true).put("endPointURI", path)
                .put("payload", Base64.getEncoder().encodeToString(("{\"text\":\"$alert." + field + "\"}")
                        .getBytes(StandardCharsets.UTF_8)));
        route.putObject("delivery").put("kind", "WEBHOOK").put("batchSize", batchSize);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + ADMIN_PATH))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(route.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("route refused: " + answer.statusCode() + " " + answer.body());
        }
    }

    private String token() throws Exception {
        String form = "grant_type=client_credentials&client_id=admin&client_secret="
                + URLEncoder.encode("admin-sandbox", StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/auth/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body()).path("access_token").asString();
    }

    @Override
    public void close() throws InterruptedException {
        app.close();
    }
}
