package io.eventsync.testkit;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A running Kafka broker that tests and the sandbox talk to over the network, like production code does.
 */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    /** Idempotent, so tests sharing one broker may all declare the topics they rely on. */
    default void createTopic(String name, int partitions) {
        new TopicCreator(bootstrapServers()).create(new NewTopic(name, partitions, (short) 1));
    }

    default void createCompactedTopic(String name, int partitions) {
        new TopicCreator(bootstrapServers()).create(new NewTopic(name, partitions, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }

    /**
     * Tests on a shared broker must not see each other's records, so each takes a fresh topic.
     * Characters Kafka forbids in topic names are replaced, so a class or method name can be the prefix.
     */
    static String uniqueTopic(String prefix) {
        String legalPrefix = prefix.replaceAll("[^a-zA-Z0-9._-]", "-");
        return legalPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    void close();
}
