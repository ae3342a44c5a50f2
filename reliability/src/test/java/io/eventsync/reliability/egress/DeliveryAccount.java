package io.eventsync.reliability.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.testkit.Await;
import io.eventsync.testkit.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What egress owed a target after a fault run and what the target got: every event Kafka
 * acknowledged, counted once it has all arrived (or the wait ran out).
 *
 * @param received every arrival, in order, duplicates included
 */
record DeliveryAccount(List<String> acknowledged, List<String> received, Set<String> distinct, long lost,
                       int duplicates, int deadLettered) {

    /** Stops the events, waits for every acknowledged one at the target, and counts. */
    static DeliveryAccount settle(SteadyOmiEvents events, FlakyWebhook target, String bootstrapServers,
                                  String deadLetterTopic, Duration wait) throws InterruptedException {
        events.stop();
        List<String> acknowledged = List.copyOf(events.acknowledged());
        Await.until(() -> new LinkedHashSet<>(target.received()).containsAll(acknowledged), wait,
                "every acknowledged event at the target");
        List<String> received = List.copyOf(target.received());
        Set<String> distinct = new LinkedHashSet<>(received);
        int deadLettered = TopicReader.readToEnd(bootstrapServers, deadLetterTopic, new ByteArrayDeserializer()).size();
        long lost = acknowledged.stream().filter(title -> !distinct.contains(title)).count();
        return new DeliveryAccount(acknowledged, received, distinct, lost, received.size() - distinct.size(),
                deadLettered);
    }

    /** At-least-once, with duplicates at most {@code bound}, none dead-lettered, first arrivals in order per key. */
    void assertDeliveredOnceOrBoundedTwice(int bound, int keys) {
        assertThat(lost).as("acknowledged events that never reached the target").isZero();
        assertThat(deadLettered).as("events dead-lettered although the target came back").isZero();
        assertThat(duplicates).as("events delivered twice").isLessThanOrEqualTo(bound);
        assertInOrderPerKey(keys);
    }

    /** Per key, first arrivals come in the order the events were produced. */
    private void assertInOrderPerKey(int keys) {
        Map<Integer, List<Integer>> firstArrivals = new HashMap<>();
        for (String title : distinct) {
            firstArrivals.computeIfAbsent(SteadyOmiEvents.key(title, keys), k -> new ArrayList<>())
                    .add(Integer.parseInt(title.substring("fault ".length())));
        }
        firstArrivals.forEach((key, sequence) -> assertThat(sequence).as("first arrivals of key %d", key).isSorted());
    }
}
