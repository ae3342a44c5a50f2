package io.eventsync.egress;

import io.eventsync.contracts.topic.TopicProvisioner;
import io.eventsync.egress.admin.DryRun;
import io.eventsync.egress.admin.IntegrationEvents;
import io.eventsync.egress.config.EgressProperties;
import io.eventsync.egress.config.KafkaClientProperties;
import io.eventsync.egress.entity.EntityMapping;
import io.eventsync.egress.kafka.KafkaClientConfigs;
import io.eventsync.egress.route.IntegrationEventAnswer;
import io.eventsync.egress.route.RouteValidation;
import io.eventsync.egress.routes.RouteTable;
import io.eventsync.egress.routes.RouteTopic;
import io.eventsync.egress.secret.RouteSecrets;
import io.eventsync.egress.secret.SecretBox;
import io.eventsync.egress.destination.EgressPolicy;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class EgressConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KafkaClientConfigs kafkaClientConfigs(KafkaClientProperties properties) {
        return new KafkaClientConfigs(properties);
    }

    @Bean
    EgressPolicy egressPolicy(EgressProperties properties) {
        return new EgressPolicy(properties.allowlist());
    }

    @Bean
    RouteSecrets routeSecrets(EgressProperties properties) {
        return new RouteSecrets(SecretBox.fromBase64(properties.secretKey()));
    }

    @Bean
    RouteTable routeTable(EgressProperties properties, KafkaClientConfigs kafka, JsonMapper json) {
        if (properties.createTopics()) {
            try (Admin admin = Admin.create(kafka.admin())) {
                // One partition: the table orders every change of every route by its offset.
                TopicProvisioner.ensure(admin, new NewTopic(properties.routeTopic(), Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
        }
        return new RouteTable(() -> new KafkaConsumer<>(kafka.reader("routes"), new StringDeserializer(),
                new ByteArrayDeserializer()), properties.routeTopic(), json);
    }

    @Bean(destroyMethod = "close")
    RouteTopic routeTopic(EgressProperties properties, KafkaClientConfigs kafka, KafkaClientProperties kafkaProperties,
                          RouteTable table, JsonMapper json) {
        return new RouteTopic(new KafkaProducer<>(kafka.producer("routes"), new StringSerializer(),
                new ByteArraySerializer()), properties.routeTopic(), json, table, kafkaProperties.adminTimeout());
    }

    @Bean
    IntegrationEvents integrationEvents(EgressProperties properties, EgressPolicy policy, RouteSecrets secrets,
                                        RouteTopic topic, RouteTable table, JsonMapper json, Clock clock) {
        return new IntegrationEvents(properties, new RouteValidation(policy), secrets, topic, table,
                new IntegrationEventAnswer(json), clock);
    }

    @Bean
    DryRun dryRun(IntegrationEvents events, JsonMapper json) {
        return new DryRun(events, new EntityMapping(), json);
    }

    /** Not ready until every route defined before this replica started is known. */
    @Bean("routes")
    HealthIndicator routesHealthIndicator(RouteTable table) {
        return () -> (table.caughtUp() ? Health.up() : Health.outOfService())
                .withDetail("routes", table.all().size()).build();
    }
}
