package io.eventsync.gateway.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway reaches Kafka.
 *
 * @param bootstrapServers the cluster to publish to
 * @param clientId prefix of every client id, so the broker's metrics tell the gateway apart
 * @param adminTimeout how long a reachability check may take
 * @param properties extra client properties for every client (security, TLS, SASL)
 * @param producer extra producer properties; acks and idempotence cannot be weakened
 */
@Validated
@ConfigurationProperties("eventsync.kafka")
public record KafkaClientProperties(
        @DefaultValue("localhost:9092") @NotBlank String bootstrapServers,
        @DefaultValue("eventsync-gateway") @NotBlank String clientId,
        @DefaultValue("3s") @NotNull Duration adminTimeout,
        @DefaultValue Map<String, String> properties,
        @DefaultValue Map<String, String> producer) {
}
