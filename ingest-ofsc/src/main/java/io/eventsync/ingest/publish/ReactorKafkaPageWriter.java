package io.eventsync.ingest.publish;

import io.eventsync.contracts.topic.TextHeaders;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;

/**
 * Ingest's only use of reactor-kafka (discontinued upstream): one transactional sender per
 * subscription. {@code sendTransactionally} begins, sends, and commits, or aborts on any failure.
 */
public final class ReactorKafkaPageWriter implements PageWriter {

    private final String transactionalId;
    private final KafkaSender<String, byte[]> sender;

    public ReactorKafkaPageWriter(Map<String, Object> producerConfig, String transactionalId) {
        this.transactionalId = transactionalId;
        SenderOptions<String, byte[]> options = SenderOptions.<String, byte[]>create(producerConfig)
                .producerProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId)
                .withKeySerializer(new StringSerializer())
                .withValueSerializer(new ByteArraySerializer())
                .stopOnError(true);
        this.sender = KafkaSender.create(options);
    }

    @Override
    public Mono<Void> open() {
        // The producer, and with it initTransactions(), is created on first use.
        return sender.doOnProducer(producer -> Boolean.TRUE).then().onErrorMap(this::classify);
    }

    @Override
    public Mono<Void> write(List<OutgoingRecord> records) {
        Flux<SenderRecord<String, byte[], Integer>> transaction = Flux.range(0, records.size())
                .map(i -> SenderRecord.create(toProducerRecord(records.get(i)), i));
        return sender.sendTransactionally(Mono.just(transaction))
                .concatMap(results -> results)
                .then()
                .onErrorMap(this::classify);
    }

    private Throwable classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return new WriterFencedException(transactionalId, error);
            }
        }
        return error;
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
