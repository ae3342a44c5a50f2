package io.eventsync.gateway.kafka;

import io.eventsync.contracts.topic.TopicProvisioner;
import io.eventsync.gateway.config.GatewayProperties;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the gateway's topics at start when they are missing and {@code create-topic} is on, all
 * with {@code topic-partitions}; in production they are declared and this finds them there.
 */
public final class GatewayTopics {

    private final Admin admin;
    private final boolean create;
    private final int partitions;

    public GatewayTopics(Admin admin, GatewayProperties properties) {
        this.admin = admin;
        this.create = properties.createTopic();
        this.partitions = properties.topicPartitions();
    }

    /** Makes sure {@code topic} exists (when creating is on); never fails the caller. */
    public String ensure(String topic) {
        if (create) {
            TopicProvisioner.ensure(admin, new NewTopic(topic, Optional.of(partitions), Optional.empty()));
        }
        return topic;
    }

    /** As {@link #ensure}, for a topic that keeps the latest record per key ({@code cleanup.policy=compact}). */
    public String ensureCompacted(String topic) {
        if (create) {
            TopicProvisioner.ensure(admin, new NewTopic(topic, Optional.of(partitions), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        return topic;
    }
}
