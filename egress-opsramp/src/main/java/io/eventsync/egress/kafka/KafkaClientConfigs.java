package io.eventsync.egress.kafka;

import io.eventsync.contracts.kafka.KafkaClientSettings;
import io.eventsync.egress.config.KafkaClientProperties;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Egress's clients: eventsync's shared settings plus egress's producer tuning. */
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

    /** A write is given the whole admin timeout (Kafka needs delivery.timeout >= linger + request.timeout). */
    public Map<String, Object> producer(String purpose) {
        int timeout = (int) properties.adminTimeout().toMillis();
        return settings.durableProducer(purpose, Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1_000, timeout / 2),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout), Map.of());
    }

    public Map<String, Object> reader(String purpose) {
        return settings.reader(purpose);
    }
}
