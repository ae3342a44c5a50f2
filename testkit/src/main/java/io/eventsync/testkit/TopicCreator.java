package io.eventsync.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates a topic and returns only once every partition has a leader: the controller acknowledges
 * creation before the broker can serve the topic, and a test producing right away would race that.
 */
final class TopicCreator {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;

    TopicCreator(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void create(NewTopic topic) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            try {
                admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + topic.name(), e.getCause());
                }
            }
            while (!hasLeaderForEveryPartition(admin, topic.name())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topic " + topic.name() + " has no leader after " + TIMEOUT);
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic.name(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Broker at " + bootstrapServers + " did not create topic "
                    + topic.name() + " within " + TIMEOUT, e);
        }
    }

    private static boolean hasLeaderForEveryPartition(Admin admin, String name)
            throws InterruptedException, TimeoutException {
        try {
            TopicDescription description = admin.describeTopics(Set.of(name)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(name);
            return description.partitions().stream().allMatch(partition -> partition.leader() != null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("Could not describe topic " + name, e.getCause());
        }
    }
}
