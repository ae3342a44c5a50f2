package io.eventsync.gateway.support;

import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.OprRecordSerde;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** testkit's topic reader, for {@code opr.events} values. */
public final class TopicReader {

    private TopicReader() {
    }

    public static List<ConsumerRecord<String, OprRecord>> readUntil(String bootstrap, String topic,
            Predicate<List<ConsumerRecord<String, OprRecord>>> done, Duration max) {
        return io.eventsync.testkit.TopicReader.readUntil(bootstrap, topic, new OprRecordSerde().deserializer(),
                done, max);
    }

    public static List<ConsumerRecord<String, OprRecord>> readToEnd(String bootstrap, String topic) {
        return io.eventsync.testkit.TopicReader.readToEnd(bootstrap, topic, new OprRecordSerde().deserializer());
    }
}
