package io.eventsync.ingest.kafka;

import io.eventsync.ingest.config.KafkaClientProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one place ingest's client configurations are built. The producer's durability and
 * transaction settings cannot be weakened by configuration: exactly-once depends on them.
 */
public final class KafkaClientConfigs {

    private final KafkaClientProperties properties;

    public KafkaClientConfigs(KafkaClientProperties properties) {
        this.properties = properties;
    }

    public Map<String, Object> admin() {
        Map<String, Object> config = common("admin");
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) properties.adminTimeout().toMillis());
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) properties.adminTimeout().toMillis());
        return config;
    }

    /** Transactional producer settings; the transactional id is added per subscription. */
    public Map<String, Object> producer() {
        Map<String, Object> config = common("producer");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        // A page is written well within this; a poller that died mid-page is aborted by its successor
        // at once, and by the broker after this at the latest.
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        config.putAll(properties.producer());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /** Group-less, read_committed: only what a transaction committed counts. */
    public Map<String, Object> consumer(String purpose) {
        Map<String, Object> config = common(purpose);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    private Map<String, Object> common(String purpose) {
        Map<String, Object> config = new HashMap<>(properties.properties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, properties.clientId() + "-" + purpose);
        return config;
    }
}
