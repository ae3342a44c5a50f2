package io.eventsync.egress.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import reactor.core.publisher.Flux;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;
import reactor.kafka.receiver.ReceiverRecord;

/**
 * Egress's only inbound use of reactor-kafka (discontinued upstream; kept to this class so it can be
 * replaced). Acknowledgements may come out of order (partitions deliver side by side, dead letters
 * take longer): {@code maxDeferredCommits} makes the receiver commit an offset only once every
 * record before it is acknowledged, and pause when too many wait. A commit is asked for as soon as a
 * record is acknowledged (the receiver folds requests together while one is in flight), so a process
 * that dies re-delivers little more than the batches it had in flight; {@code commitInterval} only
 * bounds how long an acknowledgement can wait.
 */
public final class ReactorKafkaRecordSource implements RecordSource {

    private static final int MAX_DEFERRED_COMMITS = 10_000;
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(20);

    private final Map<String, Object> consumerConfig;
    private final Duration commitInterval;

    /** @param consumerConfig read_committed consumer settings without group, deserializers or commit policy */
    public ReactorKafkaRecordSource(Map<String, Object> consumerConfig, Duration commitInterval) {
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.commitInterval = commitInterval;
    }

    @Override
    public Flux<SourceRecord> records(String group, List<String> topics, Start start) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A route's group starts where GroupPositions put it; without that, at the end, as a new route would.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, start == Start.EARLIEST ? "earliest" : "latest");
        // A replica that dies holds its partitions until its session times out; Kafka's 45 s default
        // would stall its routes that long after a crash.
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, consumerConfig.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-" + group);
        ReceiverOptions<String, byte[]> options = ReceiverOptions.<String, byte[]>create(config)
                .withKeyDeserializer(new StringDeserializer())
                .withValueDeserializer(new ByteArrayDeserializer())
                .commitInterval(commitInterval)
                .commitBatchSize(1)
                // A commit waits for the receiver's poll to return: at the default 100 ms, a kill re-delivered about
                // two batches per partition (EgressFaultsIT: 133 duplicates in 3 kills; 43 at 20 ms).
                .pollTimeout(POLL_TIMEOUT)
                .maxDeferredCommits(MAX_DEFERRED_COMMITS)
                .subscription(topics);
        return KafkaReceiver.create(options).receive().map(ReactorKafkaRecordSource::toSourceRecord);
    }

    private static SourceRecord toSourceRecord(ReceiverRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new SourceRecord(record.topic(), record.partition(), record.offset(), record.key(), Map.copyOf(headers),
                record.value(), record.receiverOffset()::acknowledge);
    }
}
