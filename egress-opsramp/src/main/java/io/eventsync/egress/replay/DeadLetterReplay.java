package io.eventsync.egress.replay;

import io.eventsync.egress.delivery.KafkaDeadLetters;
import io.eventsync.egress.delivery.ReplayedRecords;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends selected dead letters back to their route: reads the dead-letter topic up to the end it has
 * when the replay starts, and publishes each selected letter to the replay topic as the original
 * record (key, value, headers) with {@link ReplayedRecords#ROUTE} naming the route. Every route reads
 * the replay topic; only the named one delivers the record, as its current definition says.
 *
 * <p>A replay is at-least-once: it returns only after the broker acknowledged every record it
 * reports, and running it twice sends the letters twice.
 */
public final class DeadLetterReplay {

    private static final Duration POLL = Duration.ofMillis(200);
    /** Headers a dead letter adds to the original record; a replay drops them again. */
    private static final String DEAD_LETTER_PREFIX = "eventsync-dlq-";

    private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final String deadLetterTopic;
    private final String replayTopic;
    private final Duration patience;
    private final Clock clock;

    /**
     * @param consumer not subscribed, no group needed; the replay assigns and closes nothing
     * @param patience how long reading may go without progress before the replay gives up
     */
    public DeadLetterReplay(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
                            Producer<String, byte[]> producer, String deadLetterTopic, String replayTopic,
                            Duration patience, Clock clock) {
        this.consumer = consumer;
        this.producer = producer;
        this.deadLetterTopic = deadLetterTopic;
        this.replayTopic = replayTopic;
        this.patience = patience;
        this.clock = clock;
    }

    /**
     * @param dryRun select and report, send nothing
     * @param each told of every selected letter, in topic order per partition
     */
    public ReplayReport replay(DeadLetterSelection selection, boolean dryRun, Consumer<SelectedLetter> each)
            throws InterruptedException, ExecutionException {
        List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                .map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + deadLetterTopic + " does not exist");
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
        seekToStart(partitions, selection);
        long scanned = 0;
        List<SelectedLetter> selected = new ArrayList<>();
        List<Future<?>> sent = new ArrayList<>();
        Instant lastProgress = clock.instant();
        while (!caughtUp(ends)) {
            var records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                lastProgress = clock.instant();
            } else if (Duration.between(lastProgress, clock.instant()).compareTo(patience) > 0) {
                throw new IllegalStateException("no progress reading " + deadLetterTopic + " for " + patience);
            }
            for (ConsumerRecord<String, byte[]> letter : records) {
                if (letter.offset() >= ends.getOrDefault(new TopicPartition(letter.topic(), letter.partition()), 0L)) {
                    continue;
                }
                scanned++;
                if (!selection.matches(letter)) {
                    continue;
                }
                SelectedLetter chosen = SelectedLetter.of(letter);
                selected.add(chosen);
                each.accept(chosen);
                if (!dryRun) {
                    sent.add(producer.send(replayed(letter, selection.route())));
                }
            }
        }
        producer.flush();
        for (Future<?> one : sent) {
            one.get();
        }
        return new ReplayReport(scanned, selected.size(), dryRun ? 0 : sent.size());
    }

    private void seekToStart(List<TopicPartition> partitions, DeadLetterSelection selection) {
        if (selection.since().isEmpty()) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, selection.since().get().toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = found.get(partition);
            if (at == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, at.offset());
            }
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private ProducerRecord<String, byte[]> replayed(ConsumerRecord<String, byte[]> letter, String route) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            String name = header.key();
            if (!name.startsWith(DEAD_LETTER_PREFIX) && !name.equals(ReplayedRecords.ROUTE)
                    && !name.equals(ReplayedRecords.OF)) {
                headers.add(header);
            }
        }
        headers.add(ReplayedRecords.ROUTE, route.getBytes(StandardCharsets.UTF_8));
        headers.add(ReplayedRecords.OF, (letter.topic() + "-" + letter.partition() + "@" + letter.offset())
                .getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(replayTopic, null, letter.key(), letter.value(), headers);
    }

    /** What one replay did. */
    public record ReplayReport(long scanned, int selected, int replayed) {
    }

    /** A dead letter the selection took, as a person reads it. */
    public record SelectedLetter(String position, String key, int status, String reason, String sourcePosition,
                                 Instant deadLettered) {

        static SelectedLetter of(ConsumerRecord<String, byte[]> letter) {
            return new SelectedLetter(letter.topic() + "-" + letter.partition() + "@" + letter.offset(), letter.key(),
                    DeadLetterSelection.status(letter),
                    DeadLetterSelection.header(letter, KafkaDeadLetters.REASON),
                    DeadLetterSelection.header(letter, KafkaDeadLetters.SOURCE_TOPIC) + "-"
                            + DeadLetterSelection.header(letter, KafkaDeadLetters.SOURCE_PARTITION) + "@"
                            + DeadLetterSelection.header(letter, KafkaDeadLetters.SOURCE_OFFSET),
                    Instant.ofEpochMilli(letter.timestamp()));
        }
    }
}
