package io.eventsync.gateway.kafka;

import io.eventsync.gateway.config.KafkaClientProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one place client configurations are built, so every client the gateway opens shares
 * bootstrap, security and naming, and the producer's durability settings cannot be weakened by
 * configuration.
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

    /**
     * Producer settings. {@code max.block.ms} is short because a send that blocks on missing
     * metadata holds up every other request's sends; the HTTP deadline decides when to give up.
     */
    public Map<String, Object> producer() {
        Map<String, Object> config = common("producer");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putAll(properties.producer());
        // What "acknowledged" means to OMi: on every in-sync replica, once, in order.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

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
