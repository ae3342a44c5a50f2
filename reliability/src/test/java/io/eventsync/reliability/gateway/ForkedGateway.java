package io.eventsync.reliability.gateway;

import io.eventsync.gateway.GatewayApplication;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.ForkedJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real gateway in its own JVM on a fixed loopback port, so that a test can SIGKILL it and start
 * it again where OMi expects it, as a node failure and a pod restart would.
 */
public final class ForkedGateway implements AutoCloseable {

    public static final String SERVER = "omi";
    public static final String PASSWORD = "omi-crash-secret";
    private static final Duration READY = Duration.ofSeconds(90);

    private final List<String> arguments;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ForkedJvm jvm;

    private ForkedGateway(int port, List<String> arguments, Path log) {
        this.port = port;
        this.arguments = arguments;
        this.log = log;
    }

    public static ForkedGateway start(String bootstrapServers, String topic, Path log) {
        return start(bootstrapServers, topic, log, List.of());
    }

    /** @param extra further {@code --key=value} arguments */
    public static ForkedGateway start(String bootstrapServers, String topic, Path log, List<String> extra) {
        int port = freePort();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--eventsync.kafka.bootstrap-servers=" + bootstrapServers,
                "--eventsync.gateway.topic=" + topic,
                "--eventsync.gateway.sync-back.topic=" + topic + ".sync-back",
                "--eventsync.gateway.connected-servers[0].name=" + SERVER,
                "--eventsync.gateway.connected-servers[0].password=" + PASSWORD,
                "--logging.level.root=WARN"));
        arguments.addAll(extra);
        ForkedGateway gateway = new ForkedGateway(port, List.copyOf(arguments), log);
        gateway.restart();
        return gateway;
    }

    public int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no graceful drain, requests in flight are cut. */
    void kill() throws InterruptedException {
        jvm.kill();
    }

    public long pid() {
        return jvm.pid();
    }

    /** A new JVM on the same port, returned once it says it is ready. */
    void restart() {
        jvm = ForkedJvm.start(GatewayApplication.class, arguments, log);
        Await.until(this::ready, READY, "the gateway on port " + port + " to be ready (log: " + log + ")");
    }

    private boolean ready() {
        if (!jvm.isAlive()) {
            throw new IllegalStateException("the gateway's JVM ended; see " + log);
        }
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
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
