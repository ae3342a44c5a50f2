package io.eventsync.reliability;

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
 * One of eventsync's apps in its own JVM on a fixed loopback port, so that a test can SIGKILL it and
 * start it again where its clients expect it, as a node failure and a pod restart would. Started
 * means ready: its readiness probe answered 200.
 */
public final class ForkedApp implements AutoCloseable {

    private final Class<?> mainClass;
    private final String name;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private final Duration ready;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ForkedJvm jvm;

    /**
     * @param arguments {@code --key=value} arguments; {@code --server.port} is added
     * @param ready how long a start may take before the test fails
     */
    public ForkedApp(Class<?> mainClass, String name, List<String> arguments, Path log, Duration ready) {
        this.mainClass = mainClass;
        this.name = name;
        this.port = freePort();
        List<String> all = new ArrayList<>(arguments);
        all.add(0, "--server.port=" + port);
        this.arguments = List.copyOf(all);
        this.log = log;
        this.ready = ready;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return jvm.pid();
    }

    /** A new JVM on the same port, returned once it says it is ready. */
    public void start() {
        jvm = ForkedJvm.start(mainClass, arguments, log);
        Await.until(this::ready, ready, name + " on port " + port + " to be ready (log: " + log + ")");
    }

    /** SIGKILL: no shutdown hook, no graceful drain, requests in flight are cut. */
    public void kill() throws InterruptedException {
        jvm.kill();
    }

    /** What {@code /actuator/prometheus} answers now, in Prometheus's text format. */
    public String prometheus() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(name + " answered " + answer.statusCode() + " on /actuator/prometheus");
        }
        return answer.body();
    }

    private boolean ready() {
        if (!jvm.isAlive()) {
            throw new IllegalStateException(name + "'s JVM ended; see " + log);
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
