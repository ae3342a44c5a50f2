package io.eventsync.gateway.kafka;

import io.eventsync.contracts.kafka.KafkaClientSettings;
import io.eventsync.gateway.config.KafkaClientProperties;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The gateway's clients: eventsync's shared settings plus the gateway's producer tuning. */
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

    /**
     * Producer settings. {@code max.block.ms} is short because a send that blocks on missing
     * metadata holds up every other request's sends; the HTTP deadline decides when to give up.
     */
    public Map<String, Object> producer() {
        return settings.durableProducer("producer", Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000), properties.producer());
    }

    public Map<String, Object> consumer(String purpose) {
        return settings.reader(purpose);
    }

    /** What every client shares (cluster, security, client id): the base of a Kafka Streams configuration. */
    public Map<String, Object> common(String purpose) {
        return settings.common(purpose);
    }
}
