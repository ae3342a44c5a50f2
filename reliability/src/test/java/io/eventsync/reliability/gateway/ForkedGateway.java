package io.eventsync.reliability.gateway;

import io.eventsync.gateway.GatewayApplication;
import io.eventsync.reliability.ForkedApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The real gateway in its own JVM ({@link ForkedApp}), with one connected server OMi posts as. */
public final class ForkedGateway implements AutoCloseable {

    public static final String SERVER = "omi";
    public static final String PASSWORD = "omi-crash-secret";
    private static final Duration READY = Duration.ofSeconds(90);

    /**
     * For tests that take Kafka away: a record expires in the producer (4 s) before the request's
     * answer is due only if answers wait for acknowledgements, so a gateway that answered before Kafka
     * acknowledged would lose those records and the test would find them missing. 503s say to retry in 1 s.
     */
    public static final List<String> SHORT_KAFKA_TIMEOUTS = List.of(
            "--eventsync.gateway.publish-timeout=2s", "--eventsync.gateway.retry-after=1s",
            "--eventsync.kafka.admin-timeout=1s",
            "--eventsync.kafka.producer.request.timeout.ms=3000",
            "--eventsync.kafka.producer.delivery.timeout.ms=4000");

    private final ForkedApp app;

    private ForkedGateway(ForkedApp app) {
        this.app = app;
    }

    public static ForkedGateway start(String bootstrapServers, String topic, Path log) {
        return start(bootstrapServers, topic, log, List.of());
    }

    /** @param extra further {@code --key=value} arguments */
    public static ForkedGateway start(String bootstrapServers, String topic, Path log, List<String> extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--eventsync.kafka.bootstrap-servers=" + bootstrapServers,
                "--eventsync.gateway.topic=" + topic,
                "--eventsync.gateway.sync-back.topic=" + topic + ".sync-back",
                "--eventsync.gateway.connected-servers[0].name=" + SERVER,
                "--eventsync.gateway.connected-servers[0].password=" + PASSWORD,
                "--logging.level.root=WARN"));
        arguments.addAll(extra);
        ForkedGateway gateway = new ForkedGateway(new ForkedApp(GatewayApplication.class, "the gateway", arguments,
                log, READY));
        gateway.restart();
        return gateway;
    }

    public int port() {
        return app.port();
    }

    /** SIGKILL: no shutdown hook, no graceful drain, requests in flight are cut. */
    void kill() throws InterruptedException {
        app.kill();
    }

    public long pid() {
        return app.pid();
    }

    public String prometheus() throws IOException, InterruptedException {
        return app.prometheus();
    }

    /** The status of {@code GET /opr/event/<externalId>} as the connected server: 200 when the read model holds it. */
    public int getEvent(String externalId) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port() + "/opr/event/" + externalId))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    (SERVER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** A new JVM on the same port, returned once it says it is ready. */
    void restart() {
        app.start();
    }

    @Override
    public void close() throws InterruptedException {
        app.close();
    }
}
