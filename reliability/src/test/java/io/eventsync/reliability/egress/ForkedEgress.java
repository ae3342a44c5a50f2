package io.eventsync.reliability.egress;

import io.eventsync.egress.EgressApplication;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.ForkedJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
 * egress-opsramp in its own JVM, with its delivery defaults, on a fixed loopback port: killed with
 * SIGKILL and started again as a node failure and a pod restart would.
 */
public final class ForkedEgress implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration READY = Duration.ofSeconds(120);
    private static final String ADMIN_PATH = "/api/v2/tenants/client_1/integrations/installed/INTG-sandbox/event";

    private final int port = freePort();
    private final List<String> arguments;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ForkedJvm jvm;

    public long pid() {
        return jvm.pid();
    }

    public int port() {
        return port;
    }

    /**
     * @param target where the tenant's base notifier points (an allow-listed loopback address)
     * @param extra further {@code --key=value} arguments
     */
    public ForkedEgress(String bootstrapServers, String eventsTopic, String deadLetterTopic, URI target, List<String> extra,
                 Path log) {
        this.log = log;
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
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
        this.arguments = List.copyOf(arguments);
    }

    public void start() {
        jvm = ForkedJvm.start(EgressApplication.class, arguments, log);
        Await.until(this::ready, READY, "egress on port " + port + " to be ready (log: " + log + ")");
    }

    public void kill() throws InterruptedException {
        jvm.kill();
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
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ADMIN_PATH))
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
                        URI.create("http://127.0.0.1:" + port + "/auth/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body()).path("access_token").asString();
    }

    private boolean ready() {
        if (!jvm.isAlive()) {
            throw new IllegalStateException("egress's JVM ended; see " + log);
        }
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (jvm != null) {
            jvm.close();
        }
    }
}
