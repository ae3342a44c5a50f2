package io.eventsync.ingest.kafka;

import io.eventsync.contracts.kafka.KafkaClientSettings;
import io.eventsync.ingest.config.KafkaClientProperties;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Ingest's clients: eventsync's shared settings plus the transactional producer's tuning. The
 * durability settings cannot be weakened by configuration: exactly-once depends on them.
 */
public final class KafkaClientConfigs {

    private final KafkaClientProperties properties;
    private final KafkaClientSettings settings;

    public KafkaClientConfigs(KafkaClientProperties properties) {
        this.properties = properties;
        this.settings = new KafkaClientSettings(properties.bootstrapServers(), properties.clientId(),
                properties.adminTimeout(), properties.properties());
    }

    public Map<String, Object> admin() {
        return settings.admin();
    }

    /** Transactional producer settings; the transactional id is added per subscription. */
    public Map<String, Object> producer() {
        return settings.durableProducer("producer", Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000,
                // A page is written well within this; a poller that died mid-page is aborted by its
                // successor at once, and by the broker after this at the latest.
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000), properties.producer());
    }

    /** Group-less, read_committed: only what a transaction committed counts. */
    public Map<String, Object> consumer(String purpose) {
        return settings.reader(purpose);
    }
}
