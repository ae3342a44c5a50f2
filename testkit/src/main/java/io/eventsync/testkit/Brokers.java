package io.eventsync.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The one place that decides which real Kafka broker tests and the sandbox get, so that no test
 * carries its own broker setup and none falls back to a mock.
 */
public final class Brokers {

    private static final Logger log = LoggerFactory.getLogger(Brokers.class);
    private static final Object SHARED_LOCK = new Object();

    private static KafkaBroker shared;

    private Brokers() {
    }

    /**
     * One broker per JVM, started on first use: starting Kafka costs seconds, and topics from
     * {@link KafkaBroker#uniqueTopic(String)} keep tests apart. A container when a Docker engine answers,
     * otherwise an in-process KRaft broker. Closing it is a no-op; a shutdown hook stops it.
     */
    public static KafkaBroker shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                KafkaBroker broker = startPreferred();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "shared-kafka-broker-shutdown"));
                shared = new Shared(broker);
            }
            return shared;
        }
    }

    /**
     * An in-process KRaft broker listening on 127.0.0.1:{@code port}, or on a random port for 0. For the
     * sandbox, whose clients expect a well-known address such as localhost:9092.
     */
    public static KafkaBroker inProcess(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Not a TCP port: " + port);
        }
        KafkaBroker broker = new InProcessKafkaBroker(port);
        log.info("Started {}", broker);
        return broker;
    }

    /**
     * A started broker of the caller's own, in a separate JVM, that can be stopped, killed and started
     * again with its data intact. Works with or without Docker. The caller closes it.
     */
    public static RestartableKafkaBroker dedicated() {
        ForkedKafkaBroker broker = new ForkedKafkaBroker();
        try {
            broker.start();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /**
     * Like {@link #dedicated()}, with a {@link LoopbackProxy} in front of a second listener: an app
     * given {@link BrokerBehindProxy#proxiedBootstrapServers()} reaches Kafka only through the proxy,
     * which the test can cut, delay or hold, while the test's own clients use the broker directly.
     */
    public static BrokerBehindProxy dedicatedBehindProxy() {
        int[] ports;
        try {
            ports = ForkedKafkaBroker.freeLoopbackPorts(2);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free loopback ports", e);
        }
        LoopbackProxy proxy = new LoopbackProxy(ports[1], ports[0]);
        ForkedKafkaBroker broker;
        try {
            broker = new ForkedKafkaBroker(new ForkedKafkaBroker.ProxiedListener(ports[0], ports[1]));
        } catch (RuntimeException e) {
            proxy.close();
            throw e;
        }
        try {
            broker.start();
        } catch (RuntimeException e) {
            broker.close();
            proxy.close();
            throw e;
        }
        return new BrokerBehindProxy(broker, proxy);
    }

    private static KafkaBroker startPreferred() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            KafkaBroker broker = new ContainerKafkaBroker();
            log.info("Shared Kafka for this JVM: {}", broker);
            return broker;
        }
        KafkaBroker broker = new InProcessKafkaBroker(0);
        log.info("No Docker engine available; shared Kafka for this JVM: {}", broker);
        return broker;
    }

    /** Tests share it, so one test closing it must not take it from the others. */
    private record Shared(KafkaBroker broker) implements KafkaBroker {

        @Override
        public String bootstrapServers() {
            return broker.bootstrapServers();
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return broker.toString();
        }
    }
}
