package io.eventsync.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker in a JVM of its own, so that a test can SIGKILL it like a real crash and
 * start it again on the same port and the same log directory. An in-process broker cannot be killed
 * without killing the test, and a container cannot be had without a Docker engine.
 */
final class ForkedKafkaBroker implements RestartableKafkaBroker {

    private static final Logger logger = LoggerFactory.getLogger(ForkedKafkaBroker.class);

    // Both ship in kafka_2.13, which spring-kafka-test already puts on the test classpath.
    private static final String SERVER_MAIN_CLASS = "kafka.Kafka";
    private static final String STORAGE_TOOL_MAIN_CLASS = "kafka.tools.StorageTool";

    private static final String LOGBACK_CONFIG = "io/eventsync/testkit/forked-kafka-logback.xml";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path workDir;
    private final Path serverProperties;
    private final ForkedBrokerLog log;
    private final String bootstrapServers;
    private final Thread reaper = new Thread(this::reap, "forked-kafka-reaper");

    private volatile Process process;
    private boolean closed;

    ForkedKafkaBroker() {
        this(null);
    }

    /**
     * @param proxied a second listener, whose clients are told to connect through a proxy's port, or
     *     null for none
     */
    ForkedKafkaBroker(ProxiedListener proxied) {
        try {
            workDir = Files.createTempDirectory("eventsync-kafka-");
            serverProperties = workDir.resolve("server.properties");
            log = new ForkedBrokerLog(workDir.resolve("kafka.log"));
            int[] ports = freeLoopbackPorts(2);
            bootstrapServers = "127.0.0.1:" + ports[0];
            Files.writeString(serverProperties, serverProperties(ports[0], ports[1], workDir.resolve("data"),
                    proxied));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a directory for a forked Kafka broker", e);
        }
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            formatStorage();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("Broker at " + bootstrapServers + " is closed");
        }
        if (isRunning()) {
            return;
        }
        long startedAt = System.nanoTime();
        process = launch(SERVER_MAIN_CLASS, serverProperties.toString());
        awaitClusterAnswers();
        logger.info("Forked Kafka broker at {} (pid {}) ready in {} ms", bootstrapServers, process.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
    }

    @Override
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        process.destroy();
        if (!waitFor(process, STOP_TIMEOUT)) {
            logger.warn("Kafka broker at {} ignored SIGTERM for {}; killing it", bootstrapServers, STOP_TIMEOUT);
            process.destroyForcibly();
            waitFor(process, STOP_TIMEOUT);
        }
        process = null;
    }

    @Override
    public synchronized void kill() {
        if (!isRunning()) {
            return;
        }
        process.destroyForcibly();
        waitFor(process, STOP_TIMEOUT);
        process = null;
    }

    @Override
    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        reap();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; it does the same work.
        }
    }

    @Override
    public String toString() {
        return "forked KRaft broker at " + bootstrapServers + " (" + workDir + ")";
    }

    /** Also the shutdown hook: a broker JVM outliving the test JVM would hold its port and disk forever. */
    private void reap() {
        Process current = process;
        if (current != null) {
            current.destroyForcibly();
            waitFor(current, STOP_TIMEOUT);
        }
        TemporaryFolders.deleteRecursively(workDir);
    }

    private void formatStorage() {
        // Kafka's own generator never starts an id with '-', which the tool would read as an option.
        Process format = launch(STORAGE_TOOL_MAIN_CLASS, "format",
                "--cluster-id", Uuid.randomUuid().toString(),
                "--config", serverProperties.toString());
        if (!waitFor(format, FORMAT_TIMEOUT)) {
            format.destroyForcibly();
            throw failure("Formatting Kafka storage took longer than " + FORMAT_TIMEOUT);
        }
        if (format.exitValue() != 0) {
            throw failure("Formatting Kafka storage failed with exit code " + format.exitValue());
        }
    }

    private void awaitClusterAnswers() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    int exitCode = process.exitValue();
                    process = null;
                    throw failure("Kafka broker exited during startup with code " + exitCode);
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // Connection refused or broker still fenced: keep asking until the deadline.
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    waitFor(process, STOP_TIMEOUT);
                    process = null;
                    throw failure("Kafka broker did not answer describeCluster within " + STARTUP_TIMEOUT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka broker at " + bootstrapServers, e);
        }
    }

    private Process launch(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                // A test broker lives for seconds and serves little: starting fast and leaving the cores to
                // the tests matters more than peak throughput.
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + LOGBACK_CONFIG,
                "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.nextLaunch())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch " + mainClass, e);
        }
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException(message + " (" + this + ").\n" + log.excerpt());
    }

    /**
     * A listener on {@code port} that tells its clients the broker is at {@code advertisedPort}, where
     * a proxy forwards to {@code port}: a client that bootstraps through the proxy then stays behind
     * it for every connection, as Kafka clients connect to the advertised address.
     */
    record ProxiedListener(int port, int advertisedPort) {
    }

    private static String serverProperties(int brokerPort, int controllerPort, Path dataDir,
                                           ProxiedListener proxied) {
        String listeners = "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort;
        String advertised = "PLAINTEXT://127.0.0.1:" + brokerPort;
        String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
        if (proxied != null) {
            listeners += ",PROXIED://127.0.0.1:" + proxied.port();
            advertised += ",PROXIED://127.0.0.1:" + proxied.advertisedPort();
            protocols += ",PROXIED:PLAINTEXT";
        }
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + listeners,
                "advertised.listeners=" + advertised,
                "listener.security.protocol.map=" + protocols,
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "log.dirs=" + dataDir,
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // After a SIGKILL the controller holds the new incarnation back until the old one's session
                // expires; the default 9 s would dominate every crash test.
                "broker.session.timeout.ms=3000",
                "broker.heartbeat.interval.ms=500",
                "");
    }

    /*
     * Kafka needs its ports written into its configuration before it starts, so they are picked here.
     * All are held open together so that the same port is not handed out twice.
     */
    static int[] freeLoopbackPorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
