package io.eventsync.egress.delivery;

import java.util.ArrayList;
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
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Where a route starts reading (decision 0008): at the topics' ends when it is created, so it sees
 * what happens after it exists, and an incomplete route's events wait in Kafka from then on. Set
 * while the group has no member, which Kafka requires: before an API route is stored, and before a
 * route's pipeline first reads, for partitions its group has no position on yet (a route from
 * configuration, a partition added since).
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
            commitEnds(admin, group, partitions(admin));
        } catch (ExecutionException | TimeoutException e) {
            throw new PositionUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PositionUnavailableException(e);
        }
    }

    /**
     * Blocking. Puts the group at the end of every partition it has no committed offset for, and
     * leaves the others where they are. Without this, the consumer would choose its start only once
     * it is assigned, seconds after the replica reports ready, and skip whatever was published in
     * between. A group that already has members is left alone: they read from their own positions.
     *
     * @return how many partitions were given a start
     */
    public int startUnpositionedAtEnd(String group) throws PositionUnavailableException {
        try (Admin admin = Admin.create(adminConfig)) {
            List<TopicPartition> partitions = partitions(admin);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeoutMillis, TimeUnit.MILLISECONDS);
            List<TopicPartition> unpositioned = partitions.stream().filter(p -> committed.get(p) == null).toList();
            return commitEnds(admin, group, unpositioned);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupNotEmptyException) {
                return 0;
            }
            throw new PositionUnavailableException(e);
        } catch (TimeoutException e) {
            throw new PositionUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PositionUnavailableException(e);
        }
    }

    private int commitEnds(Admin admin, String group, List<TopicPartition> partitions)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        admin.listOffsets(latest).all().get(timeoutMillis, TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> positions.put(partition, new OffsetAndMetadata(info.offset())));
        admin.alterConsumerGroupOffsets(group, positions).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        return positions.size();
    }

    private List<TopicPartition> partitions(Admin admin)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            describe(admin, topic).ifPresent(description -> description.partitions().forEach(partition ->
                    partitions.add(new TopicPartition(topic, partition.partition()))));
        }
        return partitions;
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
