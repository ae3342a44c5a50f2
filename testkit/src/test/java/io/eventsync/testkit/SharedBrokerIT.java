package io.eventsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class SharedBrokerIT {

    @Test
    void everyCallReturnsTheSameBroker() {
        assertThat(Brokers.shared()).isSameAs(Brokers.shared());
    }

    @Test
    void aFreshConsumerReadsBackEveryRecordProducedWithAcksAll() throws Exception {
        KafkaBroker broker = Brokers.shared();
        String topic = KafkaBroker.uniqueTopic("shared");
        broker.createTopic(topic, 3);

        List<String> acknowledged = Records.produceAcknowledged(broker.bootstrapServers(), topic, 100);

        assertThat(Records.consumeFromBeginning(broker.bootstrapServers(), topic, 100))
                .containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    @Test
    void creatingATopicTwiceIsHarmless() throws Exception {
        KafkaBroker broker = Brokers.shared();
        String topic = KafkaBroker.uniqueTopic("twice");

        broker.createTopic(topic, 2);
        broker.createTopic(topic, 2);

        assertThat(describe(broker, topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
    }

    @Test
    void compactedTopicsAreCompacted() throws Exception {
        KafkaBroker broker = Brokers.shared();
        String topic = KafkaBroker.uniqueTopic("compacted");

        broker.createCompactedTopic(topic, 1);

        assertThat(describe(broker, topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void closingTheSharedBrokerLeavesItRunningForOtherTests() throws Exception {
        Brokers.shared().close();

        String topic = KafkaBroker.uniqueTopic("after-close");
        Brokers.shared().createTopic(topic, 1);
        assertThat(Records.produceAcknowledged(Brokers.shared().bootstrapServers(), topic, 1)).hasSize(1);
    }

    private static Config describe(KafkaBroker broker, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return admin.describeConfigs(Set.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        }
    }
}
