package io.eventsync.gateway.support;

import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.contracts.topic.OprRecordSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** testkit's topic reader, for {@code opr.events} values, and record headers as text. */
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

    /** A record's headers, decoded as the contract's UTF-8 text. */
    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8)));
    }
}
