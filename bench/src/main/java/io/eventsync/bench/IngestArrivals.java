package io.eventsync.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;

/** Every subscription's tally of one run, fed from the topic by the envelope headers ingest writes. */
final class IngestArrivals {

    static final String SUBSCRIPTION_HEADER = "eventsync-ofsc-subscription";
    static final String PAGE_HEADER = "eventsync-ofsc-page";

    private final Map<String, IngestTally> bySubscription = new LinkedHashMap<>();

    IngestArrivals(List<String> subscriptionIds) {
        subscriptionIds.forEach(id -> bySubscription.put(id, new IngestTally()));
    }

    /** Returns how many of the records were events not seen before. */
    int add(ConsumerRecords<byte[], byte[]> records, Instant visible) {
        int fresh = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String subscription = header(record, SUBSCRIPTION_HEADER);
            IngestTally tally = bySubscription.get(subscription);
            if (tally == null) {
                throw new IllegalStateException("A record of subscription " + subscription + " on "
                        + record.topic() + ", which this run did not create");
            }
            if (tally.add(header(record, PAGE_HEADER), record.value(), visible)) {
                fresh++;
            }
        }
        return fresh;
    }

    boolean complete(long expectedPerSubscription) {
        return bySubscription.values().stream().allMatch(t -> t.events() >= expectedPerSubscription);
    }

    /** What is missing, per subscription, for a failure message. */
    String shortfall(long expectedPerSubscription) {
        return bySubscription.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().events() + " of " + expectedPerSubscription)
                .collect(Collectors.joining(", "));
    }

    /** A benchmark must never hide loss: anything but each event exactly once ends the run. */
    void requireExactlyOnce(long expectedPerSubscription, String run) {
        List<String> wrong = new ArrayList<>();
        bySubscription.forEach((id, tally) -> {
            if (tally.events() != expectedPerSubscription || tally.duplicates() != 0) {
                wrong.add(id + ": " + tally.events() + " distinct of " + expectedPerSubscription + ", "
                        + tally.duplicates() + " repeated");
            }
        });
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(run + ": ingest-ofsc did not deliver each event exactly once ("
                    + String.join("; ", wrong) + ")");
        }
    }

    Map<String, IngestTally> bySubscription() {
        return bySubscription;
    }

    long events() {
        return bySubscription.values().stream().mapToLong(IngestTally::events).sum();
    }

    long duplicates() {
        return bySubscription.values().stream().mapToLong(IngestTally::duplicates).sum();
    }

    long bytes() {
        return bySubscription.values().stream().mapToLong(IngestTally::bytes).sum();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalStateException("A record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
