package io.eventsync.egress.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** Where topics end for a read_committed reader (their last stable offsets), per partition. */
public final class TopicEnds {

    private TopicEnds() {
    }

    /** Blocking. A topic that does not exist yet is left out: it has nothing to read. */
    public static Map<TopicPartition, Long> of(Admin admin, Collection<String> topics, long timeoutMillis)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic
                : admin.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                topic.getValue().get(timeoutMillis, TimeUnit.MILLISECONDS).partitions().forEach(partition ->
                        latest.put(new TopicPartition(topic.getKey(), partition.partition()), OffsetSpec.latest()));
            } catch (ExecutionException e) {
                // Unknown topic: nothing to wait for.
            }
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        if (!latest.isEmpty()) {
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
        }
        return ends;
    }
}
