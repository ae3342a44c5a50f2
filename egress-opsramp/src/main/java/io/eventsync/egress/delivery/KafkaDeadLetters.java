package io.eventsync.egress.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import reactor.core.publisher.Mono;

/**
 * Dead letters on {@code egress.dlq}: the original key, value and headers, plus where the record
 * came from and why it is here, so that it can be replayed to its route after a fix.
 */
public final class KafkaDeadLetters implements DeadLetters, AutoCloseable {

    public static final String ROUTE = "eventsync-dlq-route";
    public static final String TARGET = "eventsync-dlq-target";
    public static final String STATUS = "eventsync-dlq-status";
    public static final String REASON = "eventsync-dlq-reason";
    public static final String ATTEMPTS = "eventsync-dlq-attempts";
    public static final String SOURCE_TOPIC = "eventsync-dlq-source-topic";
    public static final String SOURCE_PARTITION = "eventsync-dlq-source-partition";
    public static final String SOURCE_OFFSET = "eventsync-dlq-source-offset";
    /** Reasons quote the target's answer; kept short, as a header and for a person to read. */
    static final int MAX_REASON = 1_000;

    private final Producer<String, byte[]> producer;
    private final String topic;

    public KafkaDeadLetters(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public Mono<Void> write(List<DeadLetter> letters) {
        return Mono.defer(() -> {
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (DeadLetter letter : letters) {
                CompletableFuture<Void> one = new CompletableFuture<>();
                producer.send(record(letter), (metadata, failure) -> {
                    if (failure != null) {
                        one.completeExceptionally(failure);
                    } else {
                        one.complete(null);
                    }
                });
                sent.add(one);
            }
            return Mono.fromFuture(CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)));
        });
    }

    private ProducerRecord<String, byte[]> record(DeadLetter letter) {
        SourceRecord source = letter.record();
        RecordHeaders headers = new RecordHeaders();
        source.headers().forEach((name, value) -> headers.add(name, bytes(value)));
        headers.add(ROUTE, bytes(letter.route()));
        headers.add(TARGET, bytes(letter.target()));
        headers.add(STATUS, bytes(Integer.toString(letter.status())));
        String reason = letter.reason().length() > MAX_REASON ? letter.reason().substring(0, MAX_REASON) : letter.reason();
        headers.add(REASON, bytes(reason));
        headers.add(ATTEMPTS, bytes(Integer.toString(letter.attempts())));
        headers.add(SOURCE_TOPIC, bytes(source.topic()));
        headers.add(SOURCE_PARTITION, bytes(Integer.toString(source.partition())));
        headers.add(SOURCE_OFFSET, bytes(Long.toString(source.offset())));
        return new ProducerRecord<>(topic, null, source.key(), source.value(), headers);
    }

    private static byte[] bytes(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
