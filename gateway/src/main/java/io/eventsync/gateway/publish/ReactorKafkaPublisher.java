package io.eventsync.gateway.publish;

import io.eventsync.contracts.topic.TextHeaders;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;

/**
 * The gateway's only use of reactor-kafka (discontinued upstream): one shared idempotent
 * producer for all requests. Each record carries its index as correlation metadata, so answers
 * are matched back to items without shared mutable maps.
 */
public final class ReactorKafkaPublisher implements RecordPublisher, AutoCloseable {

    private final KafkaSender<String, byte[]> sender;
    private final Consumer<Throwable> onSendError;
    private final Scheduler work;

    /** @param work where acknowledgements are handed on (answers are encoded there), off the producer's thread */
    public ReactorKafkaPublisher(Map<String, Object> producerConfig, Consumer<Throwable> onSendError,
                                 Scheduler work) {
        this.work = work;
        SenderOptions<String, byte[]> options = SenderOptions.<String, byte[]>create(producerConfig)
                .withKeySerializer(new StringSerializer())
                .withValueSerializer(new ByteArraySerializer())
                .maxInFlight(4096)
                .stopOnError(false);
        this.sender = KafkaSender.create(options);
        this.onSendError = onSendError;
    }

    @Override
    public Mono<List<Acknowledgement>> publish(List<OutgoingRecord> records, Duration deadline) {
        Acknowledgement[] acks = new Acknowledgement[records.size()];
        Flux<SenderRecord<String, byte[], Integer>> outgoing = Flux.range(0, records.size())
                .map(i -> SenderRecord.create(toProducerRecord(records.get(i)), i));
        return sender.send(outgoing)
                .doOnNext(result -> {
                    if (result.exception() == null) {
                        acks[result.correlationMetadata()] = new Acknowledgement(
                                result.recordMetadata().partition(), result.recordMetadata().offset());
                    } else {
                        onSendError.accept(result.exception());
                    }
                })
                .take(deadline)
                .onErrorResume(e -> {
                    onSendError.accept(e);
                    return Flux.empty();
                })
                .then(Mono.fromSupplier(() -> Arrays.asList(acks.clone())))
                // Send results arrive on the producer's one I/O thread; encoding the answer there (500
                // events of XML) held up every other request's sends. Measured in docs/benchmarks.md.
                .publishOn(work);
    }

    private static ProducerRecord<String, byte[]> toProducerRecord(OutgoingRecord record) {
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                TextHeaders.of(record.headers()));
    }

    @Override
    public void close() {
        sender.close();
    }
}
