package io.eventsync.testkit;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The broker of choice where a Docker engine exists: the real Kafka distribution, isolated from the
 * test JVM's classpath and heap.
 */
final class ContainerKafkaBroker implements KafkaBroker {

    // The native image starts in about a second, which matters for a broker started per test JVM.
    static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka-native:4.1.0");

    private final KafkaContainer container;

    ContainerKafkaBroker() {
        container = new KafkaContainer(IMAGE);
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "Testcontainers broker " + IMAGE + " at " + bootstrapServers();
    }
}
