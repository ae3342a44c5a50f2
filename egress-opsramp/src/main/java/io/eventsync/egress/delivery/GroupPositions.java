package io.eventsync.egress.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Where a new route starts reading (decision 0008): at the topics' ends when it is created, so it
 * sees what happens after it exists, and an incomplete route's events wait in Kafka from then on.
 * Set before the route is stored, while its group has no member (Kafka refuses otherwise).
 */
public final class GroupPositions {

    private final Map<String, Object> adminConfig;
    private final List<String> topics;
    private final long timeoutMillis;

    public GroupPositions(Map<String, Object> adminConfig, List<String> topics, long timeoutMillis) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.topics = List.copyOf(topics);
        this.timeoutMillis = timeoutMillis;
    }

    /** Blocking. Topics that do not exist yet are left out: the group starts at their beginning then. */
    public void startAtEnd(String group) throws PositionUnavailableException {
        try (Admin admin = Admin.create(adminConfig)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : topics) {
                describe(admin, topic).ifPresent(description -> description.partitions().forEach(partition ->
                        latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            }
            if (latest.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
            admin.listOffsets(latest).all().get(timeoutMillis, TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> positions.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, positions).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PositionUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PositionUnavailableException(e);
        }
    }

    private Optional<TopicDescription> describe(Admin admin, String topic)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            return Optional.of(admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS).get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The group's start could not be set; the route is not stored. */
    public static final class PositionUnavailableException extends Exception {
        public PositionUnavailableException(Throwable cause) {
            super("could not set where the route starts reading", cause);
        }
    }
}
