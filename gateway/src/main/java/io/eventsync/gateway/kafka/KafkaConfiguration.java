package io.eventsync.gateway.kafka;

import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.config.KafkaClientProperties;
import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka clients every feature shares: configuration, the admin client, topics, reachability. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    @Bean
    KafkaClientConfigs kafkaClientConfigs(KafkaClientProperties properties) {
        return new KafkaClientConfigs(properties);
    }

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(KafkaClientConfigs configs) {
        return Admin.create(configs.admin());
    }

    @Bean
    GatewayTopics gatewayTopics(Admin admin, GatewayProperties properties) {
        return new GatewayTopics(admin, properties);
    }

    @Bean
    KafkaReachability kafkaReachability(Admin admin, KafkaClientProperties properties, Clock clock) {
        return new KafkaReachability(admin, properties.adminTimeout(), clock);
    }

    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaReachability reachability) {
        return new KafkaHealthIndicator(reachability);
    }
}
