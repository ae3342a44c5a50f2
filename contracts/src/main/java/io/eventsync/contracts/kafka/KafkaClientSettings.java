package io.eventsync.contracts.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How every eventsync service builds its Kafka client configurations, so that all of them share
 * bootstrap, security and naming, read only what was committed, and cannot have their producers'
 * durability weakened by configuration.
 *
 * @param bootstrapServers the cluster
 * @param clientId prefix of every client id ({@code <clientId>-<purpose>})
 * @param adminTimeout how long an admin call may take
 * @param properties extra properties for every client (TLS, SASL), from the service's configuration
 */
public record KafkaClientSettings(String bootstrapServers, String clientId, Duration adminTimeout,
                                  Map<String, String> properties) {

    public KafkaClientSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(adminTimeout, "adminTimeout");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public Map<String, Object> admin() {
        Map<String, Object> config = common("admin");
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) adminTimeout.toMillis());
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) adminTimeout.toMillis());
        return config;
    }

    /**
     * A producer: the service's tuning, then the operator's overrides, then what no one may change:
     * {@code acks=all} and idempotence (on every in-sync replica, once, in order).
     */
    public Map<String, Object> durableProducer(String purpose, Map<String, ?> tuning, Map<String, String> overrides) {
        Map<String, Object> config = common(purpose);
        config.putAll(tuning);
        config.putAll(overrides);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /** A group-less reader from the earliest offset, read_committed, as docs/topics.md asks of every reader. */
    public Map<String, Object> reader(String purpose) {
        Map<String, Object> config = common(purpose);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    public Map<String, Object> common(String purpose) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId + "-" + purpose);
        return config;
    }
}
