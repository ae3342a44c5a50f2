package io.eventsync.sandbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.ofsc.OfscCheckpoint;
import io.eventsync.contracts.ofsc.OfscCheckpointSerde;
import io.eventsync.contracts.ofsc.OfscEntityKeys;
import io.eventsync.contracts.topic.RecordHeaderNames;
import io.eventsync.testkit.Await;
import io.eventsync.testkit.TopicFollower;
import io.eventsync.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a downstream subscriber sees on the OFSC topics, and the exactly-once check against the simulator. */
final class OfscTopic implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrap;
    private final String topic;
    private final String checkpointTopic;
    private final TopicFollower<byte[]> events;

    OfscTopic(String bootstrap, String topic, String checkpointTopic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.checkpointTopic = checkpointTopic;
        this.events = new TopicFollower<>(bootstrap, topic, new ByteArrayDeserializer());
    }

    /** The committed events of one subscription, in topic order. */
    List<ConsumerRecord<String, byte[]>> events(String subscriptionId) {
        return events.caughtUp().stream()
                .filter(record -> subscriptionId.equals(header(record, RecordHeaderNames.OFSC_SUBSCRIPTION)))
                .toList();
    }

    Map<String, OfscCheckpoint> checkpoints() {
        Map<String, OfscCheckpoint> latest = new LinkedHashMap<>();
        TopicReader.readToEnd(bootstrap, checkpointTopic, new OfscCheckpointSerde().deserializer())
                .forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }

    /** The id of the subscription ingest created under {@code name}, once its first checkpoint is committed. */
    String awaitSubscriptionId(String name, Duration max) {
        String[] id = new String[1];
        await(() -> {
            id[0] = checkpoints().values().stream().filter(c -> name.equals(c.subscriptionName()))
                    .map(OfscCheckpoint::subscriptionId).findFirst().orElse(null);
            return id[0] != null;
        }, max, "a checkpoint for subscription " + name);
        return id[0];
    }

    void awaitCount(String subscriptionId, int expected, Duration max) {
        await(() -> events(subscriptionId).size() >= expected, max,
                expected + " events of " + subscriptionId + " on " + topic);
    }

    /**
     * Every event the simulator holds for the subscription is on the topic once: same count, same
     * events, and each entity's events in the simulator's order.
     */
    void assertExactlyOnce(String subscriptionId, List<? extends JsonNode> expected) {
        List<ConsumerRecord<String, byte[]>> records = events(subscriptionId);
        List<JsonNode> actual = records.stream().map(r -> JSON.readTree(r.value())).toList();
        // Counted as multisets: AssertJ's containsExactlyInAnyOrder is quadratic, minutes at 50,000 events.
        Map<JsonNode, Long> onTopic = counted(actual);
        Map<JsonNode, Long> held = counted(expected);
        assertThat(missingOrSurplus(held, onTopic)).as("events of %s missing from the topic", subscriptionId).isEmpty();
        assertThat(missingOrSurplus(onTopic, held)).as("events of %s on the topic more often than OFSC served them",
                subscriptionId).isEmpty();
        assertThat(byKey(records)).as("each entity's events in OFSC's order").isEqualTo(
                byExpectedKey(subscriptionId, expected));
    }

    @Override
    public void close() {
        events.close();
    }

    private static Map<JsonNode, Long> counted(List<? extends JsonNode> events) {
        return events.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The events {@code reference} has more of than {@code other}, with how many more. */
    private static Map<JsonNode, Long> missingOrSurplus(Map<JsonNode, Long> reference, Map<JsonNode, Long> other) {
        Map<JsonNode, Long> difference = new LinkedHashMap<>();
        reference.forEach((event, count) -> {
            long more = count - other.getOrDefault(event, 0L);
            if (more > 0) {
                difference.put(event, more);
            }
        });
        return difference;
    }

    private static Map<String, List<JsonNode>> byKey(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
        records.forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(JSON.readTree(r.value())));
        return byKey;
    }

    private static Map<String, List<JsonNode>> byExpectedKey(String subscriptionId, List<? extends JsonNode> expected) {
        Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
        expected.forEach(e -> byKey.computeIfAbsent(OfscEntityKeys.keyOf(e, subscriptionId), k -> new ArrayList<>())
                .add(e));
        return byKey;
    }

    static String header(ConsumerRecord<String, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static void await(BooleanSupplier condition, Duration max, String what) {
        Await.until(condition, max, what);
    }
}
