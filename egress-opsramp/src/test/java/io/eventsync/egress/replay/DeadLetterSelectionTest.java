package io.eventsync.egress.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.egress.delivery.KafkaDeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterSelectionTest {

    private static final Instant WRITTEN = Instant.parse("2026-12-01T10:00:00Z");
    private final ConsumerRecord<String, byte[]> letter = letter("route-a", "422", "opr.events", "omi-1");

    @Test
    void selectsOnlyTheNamedRoutesLetters() {
        assertThat(DeadLetterSelection.ofRoute("route-a").matches(letter)).isTrue();
        assertThat(DeadLetterSelection.ofRoute("route-b").matches(letter)).isFalse();
    }

    @Test
    void statusesSourceTopicAndKeyNarrowTheSelection() {
        assertThat(selection(Set.of(422, 500), null, null).matches(letter)).isTrue();
        assertThat(selection(Set.of(500), null, null).matches(letter)).isFalse();
        assertThat(selection(Set.of(), "opr.events", "omi-1").matches(letter)).isTrue();
        assertThat(selection(Set.of(), "ofsc.events", null).matches(letter)).isFalse();
        assertThat(selection(Set.of(), null, "omi-2").matches(letter)).isFalse();
    }

    @Test
    void theTimeWindowIncludesItsStartAndExcludesItsEnd() {
        assertThat(window(WRITTEN, null).matches(letter)).isTrue();
        assertThat(window(WRITTEN.plusMillis(1), null).matches(letter)).isFalse();
        assertThat(window(null, WRITTEN.plusMillis(1)).matches(letter)).isTrue();
        assertThat(window(null, WRITTEN).matches(letter)).isFalse();
    }

    @Test
    void aLetterWithoutAReadableStatusMatchesNoStatusFilter() {
        ConsumerRecord<String, byte[]> odd = letter("route-a", "n/a", "opr.events", "omi-1");
        assertThat(selection(Set.of(0, -1), null, null).matches(odd)).isFalse();
        assertThat(DeadLetterSelection.ofRoute("route-a").matches(odd)).isTrue();
    }

    private static DeadLetterSelection selection(Set<Integer> statuses, String topic, String key) {
        return new DeadLetterSelection("route-a", statuses, Optional.ofNullable(topic), Optional.ofNullable(key),
                Optional.empty(), Optional.empty());
    }

    private static DeadLetterSelection window(Instant since, Instant until) {
        return new DeadLetterSelection("route-a", Set.of(), Optional.empty(), Optional.empty(),
                Optional.ofNullable(since), Optional.ofNullable(until));
    }

    private static ConsumerRecord<String, byte[]> letter(String route, String status, String topic, String key) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaDeadLetters.ROUTE, route.getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaDeadLetters.STATUS, status.getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaDeadLetters.SOURCE_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>("egress.dlq", 0, 7, WRITTEN.toEpochMilli(), TimestampType.CREATE_TIME, 0, 0, key,
                new byte[0], headers, Optional.empty());
    }
}
