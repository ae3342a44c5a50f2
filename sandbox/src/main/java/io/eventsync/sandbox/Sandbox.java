package io.eventsync.sandbox;

import io.eventsync.contracts.topic.Topics;
import io.eventsync.sandbox.ofsc.OfscSimulator;
import io.eventsync.sandbox.omi.OmiSimulator;
import io.eventsync.sandbox.omi.OmiSimulatorSettings;
import io.eventsync.sandbox.receiver.ReceiverSimulator;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * The whole pipeline on one machine, in one JVM: an in-process Kafka broker, the gateway publishing to
 * it, an OFSC simulator generating a steady stream of events, ingest-ofsc reading them onto
 * {@code ofsc.events}, egress-opsramp forwarding both topics to a receiver simulator, and an OMi
 * simulator that forwards to the gateway and takes sync-back changes from egress. For
 * people trying eventsync out and for end-to-end tests; it keeps nothing across runs.
 *
 * <p>Components are started in dependency order and closed in reverse, so each one still has what it
 * talks to while it shuts down. A later component (a simulator, another service) is one more
 * {@link #started} entry.
 */
public final class Sandbox implements AutoCloseable {

    public static final String TOPIC = Topics.OPR_EVENTS;
    public static final String OFSC_TOPIC = Topics.OFSC_EVENTS;
    static final int TOPIC_PARTITIONS = 3;

    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final SandboxSettings settings;
    private final Deque<Component> started;
    private final String bootstrapServers;
    private final int gatewayPort;
    private final int ingestPort;
    private final URI ofscUrl;
    private final int egressPort;
    private final URI receiverUrl;
    private final int omiPort;
    private final CountDownLatch closed = new CountDownLatch(1);

    private Sandbox(SandboxSettings settings, Deque<Component> started, String bootstrapServers, int gatewayPort,
                    int ingestPort, URI ofscUrl, int egressPort, URI receiverUrl, int omiPort) {
        this.settings = settings;
        this.started = started;
        this.bootstrapServers = bootstrapServers;
        this.gatewayPort = gatewayPort;
        this.ingestPort = ingestPort;
        this.ofscUrl = ofscUrl;
        this.egressPort = egressPort;
        this.receiverUrl = receiverUrl;
        this.omiPort = omiPort;
    }

    public static void main(String[] args) {
        Sandbox sandbox;
        try {
            sandbox = start(SandboxSettings.fromEnvironment());
        } catch (RuntimeException e) {
            log.error("The sandbox could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        // Kafka's test kit deletes the broker's log directory from a JVM shutdown hook, and JVM hooks
        // run concurrently: closing from one of them would stop the broker while its files vanish.
        // So Ctrl-C and SIGTERM close the sandbox in order first, and only then let the JVM exit.
        // They are how a sandbox is meant to end, not failures, hence status 0 rather than 130/143.
        for (String signal : List.of("INT", "TERM")) {
            Signal.handle(new Signal(signal), received -> {
                sandbox.close();
                System.exit(0);
            });
        }
        System.out.println(ReadyBanner.text(sandbox));
        sandbox.awaitClosed();
    }

    /** Starts everything and returns once the gateway and ingest report ready; the caller closes it. */
    public static Sandbox start(SandboxSettings settings) {
        Deque<Component> started = new ArrayDeque<>();
        try {
            KafkaBroker broker = Brokers.inProcess(settings.kafkaPort());
            started.push(new Component("Kafka broker", broker));
            broker.createTopic(TOPIC, TOPIC_PARTITIONS);
            String bootstrapServers = "localhost:" + portOf(broker.bootstrapServers());

            ConfigurableApplicationContext gateway = EmbeddedGateway.start(settings, bootstrapServers, TOPIC);
            started.push(new Component("gateway", gateway));
            int gatewayPort = boundPort(gateway);
            Readiness.await(readinessOf(gatewayPort), READY_TIMEOUT);

            OfscSimulator ofsc = OfscSimulator.start(settings.ofsc());
            started.push(new Component("OFSC simulator", ofsc));
            ofsc.startGenerating();

            ConfigurableApplicationContext ingest = EmbeddedIngest.start(settings, bootstrapServers, ofsc.baseUrl());
            started.push(new Component("ingest-ofsc", ingest));
            int ingestPort = boundPort(ingest);
            Readiness.await(readinessOf(ingestPort), READY_TIMEOUT);

            ReceiverSimulator receiver = ReceiverSimulator.start(settings.receiver());
            started.push(new Component("receiver simulator", receiver));
            // OMi's side: it forwards to the gateway, and egress synchronizes third parties' changes back to it.
            OmiSimulator omi = OmiSimulator.start(OmiSimulatorSettings.builder().port(settings.omiPort())
                    .connectedServers(Map.of(settings.connectedServerName(), settings.connectedServerPassword()))
                    .gatewayUrl(URI.create("http://localhost:" + gatewayPort + "/opr")).build());
            started.push(new Component("OMi simulator", omi));

            ConfigurableApplicationContext egress = EmbeddedEgress.start(settings, bootstrapServers, receiver.baseUrl(),
                    omi.baseUrl());
            started.push(new Component("egress-opsramp", egress));
            int egressPort = boundPort(egress);
            Readiness.await(readinessOf(egressPort), READY_TIMEOUT);

            return new Sandbox(settings, started, bootstrapServers, gatewayPort, ingestPort, ofsc.baseUrl(),
                    egressPort, receiver.baseUrl(), omi.port());
        } catch (RuntimeException | Error e) {
            closeAll(started);
            throw e;
        }
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** What Kafka clients outside the sandbox use, e.g. {@code localhost:9092}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    /** The connected server URL OMi is configured with, e.g. {@code http://localhost:8080/opr}. */
    public URI oprBaseUrl() {
        return URI.create(gatewayUrl() + "/opr");
    }

    public URI gatewayUrl() {
        return URI.create("http://localhost:" + gatewayPort);
    }

    public int ingestPort() {
        return ingestPort;
    }

    public URI ingestUrl() {
        return URI.create("http://localhost:" + ingestPort);
    }

    /** The simulated OFSC instance ingest reads, e.g. {@code http://localhost:8090}. */
    public URI ofscUrl() {
        return ofscUrl;
    }

    public URI egressUrl() {
        return URI.create("http://localhost:" + egressPort);
    }

    /** The simulated third parties egress delivers to, e.g. {@code http://localhost:8091}. */
    public URI receiverUrl() {
        return receiverUrl;
    }

    /** The simulated OMi, e.g. {@code http://localhost:8092}: its sync-back API and its control panel. */
    public URI omiUrl() {
        return URI.create("http://localhost:" + omiPort);
    }

    /** Blocks until {@link #close()} has finished, from whichever thread. */
    public void awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Idempotent; a component that fails to close does not keep the others running. */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        log.info("Stopping the sandbox");
        closeAll(started);
        log.info("Sandbox stopped");
        closed.countDown();
    }

    private static void closeAll(Deque<Component> started) {
        while (!started.isEmpty()) {
            Component component = started.pop();
            try {
                component.resource().close();
            } catch (Exception e) {
                log.warn("Could not close the {} cleanly", component.name(), e);
            }
        }
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    private static int boundPort(ConfigurableApplicationContext application) {
        return application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static URI readinessOf(int port) {
        return URI.create("http://localhost:" + port + "/actuator/health/readiness");
    }

    private static int portOf(String bootstrapServers) {
        return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
    }

    private record Component(String name, AutoCloseable resource) {
    }
}
