package io.eventsync.testkit;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft broker inside this JVM, for machines without a Docker engine.
 */
final class InProcessKafkaBroker implements KafkaBroker {

    /*
     * Kafka's test kit pre-binds its own listeners to random ports and ignores the port configured for
     * them, so a fixed port needs a listener of its own that the test kit does not know about.
     */
    private static final String FIXED_PORT_LISTENER = "FIXED";

    private final EmbeddedKafkaKraftBroker embedded;
    private final String bootstrapServers;

    InProcessKafkaBroker(int port) {
        embedded = new EmbeddedKafkaKraftBroker(1, 1);
        // Its default writes spring.kafka.bootstrap-servers as a system property, which would silently
        // point every later Spring Boot test in this JVM at this broker, even after it is closed.
        embedded.brokerListProperty("eventsync.testkit.in-process.bootstrap-servers");
        // One node: the internal topics behind transactions and groups cannot ask for three replicas.
        embedded.brokerProperty("transaction.state.log.replication.factor", "1");
        embedded.brokerProperty("transaction.state.log.min.isr", "1");
        embedded.brokerProperty("offsets.topic.replication.factor", "1");
        if (port != 0) {
            embedded.brokerProperty("listeners",
                    "EXTERNAL://localhost:0,CONTROLLER://localhost:0," + FIXED_PORT_LISTENER + "://127.0.0.1:" + port);
            embedded.brokerProperty("listener.security.protocol.map",
                    "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + FIXED_PORT_LISTENER + ":PLAINTEXT");
        }
        embedded.afterPropertiesSet();
        bootstrapServers = port == 0 ? embedded.getBrokersAsString() : "127.0.0.1:" + port;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        embedded.destroy();
    }

    @Override
    public String toString() {
        return "in-process KRaft broker at " + bootstrapServers;
    }
}
