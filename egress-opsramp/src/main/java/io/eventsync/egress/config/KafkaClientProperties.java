package io.eventsync.egress.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How egress reaches Kafka.
 *
 * @param bootstrapServers the cluster
 * @param clientId prefix of every client id
 * @param adminTimeout how long an admin call or a route write may take
 * @param properties extra client properties for every client (TLS, SASL)
 */
@Validated
@ConfigurationProperties("eventsync.kafka")
public record KafkaClientProperties(
        @DefaultValue("localhost:9092") @NotBlank String bootstrapServers,
        @DefaultValue("eventsync-egress-opsramp") @NotBlank String clientId,
        @DefaultValue("10s") @NotNull Duration adminTimeout,
        @DefaultValue Map<String, String> properties) {
}
