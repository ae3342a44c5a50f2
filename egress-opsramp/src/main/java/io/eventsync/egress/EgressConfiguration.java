package io.eventsync.egress;

import io.eventsync.contracts.topic.TopicProvisioner;
import io.eventsync.egress.admin.DryRun;
import io.eventsync.egress.admin.IntegrationEvents;
import io.eventsync.egress.config.EgressProperties;
import io.eventsync.egress.config.DeliveryProperties;
import io.eventsync.egress.config.KafkaClientProperties;
import io.eventsync.egress.delivery.Backoff;
import io.eventsync.egress.delivery.ConsumerLag;
import io.eventsync.egress.delivery.DeliveryMetrics;
import io.eventsync.egress.delivery.DeliveryRuntime;
import io.eventsync.egress.delivery.ForwardingRules;
import io.eventsync.egress.delivery.GroupPositions;
import io.eventsync.egress.delivery.KafkaDeadLetters;
import io.eventsync.egress.delivery.PipelineRunner;
import io.eventsync.egress.delivery.RecordSource;
import io.eventsync.egress.delivery.ReactorKafkaRecordSource;
import io.eventsync.egress.delivery.Senders;
import io.eventsync.egress.entity.EntityMapping;
import io.eventsync.egress.kafka.KafkaClientConfigs;
import io.eventsync.egress.route.IntegrationEventAnswer;
import io.eventsync.egress.route.RouteValidation;
import io.eventsync.egress.routes.ConfiguredRoutes;
import io.eventsync.egress.routes.RouteTable;
import io.eventsync.egress.routes.RouteTopic;
import io.eventsync.egress.secret.RouteSecrets;
import io.eventsync.egress.secret.SecretBox;
import io.eventsync.egress.destination.EgressPolicy;
import io.eventsync.egress.destination.PolicyResolverGroup;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
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
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
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
    RouteTable routeTable(EgressProperties properties, KafkaClientConfigs kafka, JsonMapper json, EgressPolicy policy,
                          RouteSecrets secrets) {
        if (properties.createTopics()) {
            try (Admin admin = Admin.create(kafka.admin())) {
                // One partition: the table orders every change of every route by its offset.
                TopicProvisioner.ensure(admin, new NewTopic(properties.routeTopic(), Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
        }
        RouteTable table = new RouteTable(() -> new KafkaConsumer<>(kafka.reader("routes"), new StringDeserializer(),
                new ByteArrayDeserializer()), properties.routeTopic(), json);
        table.configure(new ConfiguredRoutes(properties, new RouteValidation(policy), secrets).routes());
        return table;
    }

    @Bean(destroyMethod = "close")
    RouteTopic routeTopic(EgressProperties properties, KafkaClientConfigs kafka, KafkaClientProperties kafkaProperties,
                          RouteTable table, JsonMapper json) {
        return new RouteTopic(new KafkaProducer<>(kafka.producer("routes"), new StringSerializer(),
                new ByteArraySerializer()), properties.routeTopic(), json, table, kafkaProperties.adminTimeout());
    }

    @Bean
    GroupPositions groupPositions(KafkaClientConfigs kafka, DeliveryProperties delivery,
                                  KafkaClientProperties kafkaProperties) {
        return new GroupPositions(kafka.admin(), delivery.sources(), kafkaProperties.adminTimeout().toMillis());
    }

    @Bean
    IntegrationEvents integrationEvents(EgressProperties properties, DeliveryProperties delivery, EgressPolicy policy,
                                        RouteSecrets secrets, RouteTopic topic, RouteTable table,
                                        GroupPositions positions, JsonMapper json, Clock clock) {
        return new IntegrationEvents(properties, new RouteValidation(policy), secrets, topic, table,
                new IntegrationEventAnswer(json), id -> positions.startAtEnd(delivery.group(id)), clock);
    }

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry registry) {
        return new DeliveryMetrics(registry);
    }

    @Bean(destroyMethod = "close")
    KafkaDeadLetters deadLetters(DeliveryProperties delivery, EgressProperties properties, KafkaClientConfigs kafka) {
        if (properties.createTopics()) {
            try (Admin admin = Admin.create(kafka.admin())) {
                TopicProvisioner.ensure(admin, new NewTopic(delivery.deadLetterTopic(), Optional.of(3),
                        Optional.empty()));
                TopicProvisioner.ensure(admin, new NewTopic(delivery.replayTopic(), Optional.of(3), Optional.empty()));
            }
        }
        return new KafkaDeadLetters(new KafkaProducer<>(kafka.producer("dead-letters"), new StringSerializer(),
                new ByteArraySerializer()), delivery.deadLetterTopic());
    }

    /**
     * Every call egress makes to third parties: connect and answer bounded by the request timeout,
     * and every address it connects to judged by the egress policy as it is resolved.
     */
    @Bean
    WebClient egressWebClient(DeliveryProperties delivery, EgressPolicy policy) {
        HttpClient netty = HttpClient.create()
                .resolver(new PolicyResolverGroup(policy, Schedulers.boundedElastic()))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(10_000, delivery.requestTimeout().toMillis()))
                .responseTimeout(delivery.requestTimeout());
        // Spring's default is 256 KB: the answer to an OPR bulk of 500 is larger, and was read as no answer
        // at all, so a batch the receiver had taken was sent again and again, then dead-lettered.
        int maxAnswer = (int) Math.min(Integer.MAX_VALUE, delivery.maxAnswerSize().toBytes());
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(netty))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(maxAnswer)).build();
    }

    @Bean
    ForwardingRules forwardingRules(DeliveryProperties delivery) {
        return new ForwardingRules(new Backoff(delivery.backoffInitial(), delivery.backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble()), delivery.maxAttempts(),
                delivery.retryFor(), delivery.splitConcurrency());
    }

    @Bean
    RecordSource recordSource(KafkaClientConfigs kafka, DeliveryProperties delivery) {
        return new ReactorKafkaRecordSource(kafka.reader("delivery"), delivery.commitInterval());
    }

    @Bean
    PipelineRunner pipelineRunner(RecordSource source, DeliveryMetrics metrics) {
        return new PipelineRunner(source, metrics);
    }

    @Bean
    DeliveryRuntime deliveryRuntime(RouteTable table, RouteSecrets secrets, EgressProperties properties,
                                    DeliveryProperties delivery, EgressPolicy policy, WebClient egressWebClient,
                                    RecordSource source, ForwardingRules rules, KafkaDeadLetters deadLetters,
                                    JsonMapper json, DeliveryMetrics metrics, Clock clock, GroupPositions positions) {
        Senders senders = new Senders(egressWebClient, policy, delivery.requestTimeout(), clock, metrics::tokenRequest,
                json);
        return new DeliveryRuntime(table, secrets, properties, delivery, source, positions::startUnpositionedAtEnd,
                senders, deadLetters, rules, json, metrics);
    }

    @Bean
    ConsumerLag consumerLag(KafkaClientConfigs kafka, DeliveryProperties delivery, DeliveryRuntime runtime,
                            DeliveryMetrics metrics) {
        return new ConsumerLag(kafka.admin(), delivery.sources(), delivery::group, () -> runtime.delivering().keySet(),
                metrics, delivery.lagInterval(), Schedulers.parallel());
    }

    /** How many routes there are, complete and incomplete: an incomplete route delivers nothing yet. */
    @Bean
    MeterBinder routeCounts(RouteTable table) {
        return registry -> {
            for (boolean complete : new boolean[] {true, false}) {
                Gauge.builder("eventsync.egress.routes", table,
                                routes -> routes.all().stream().filter(r -> r.complete() == complete).count())
                        .tag("status", complete ? "COMPLETE" : "INCOMPLETE")
                        .description("routes known to this replica, by status").register(registry);
            }
        };
    }

    @Bean
    DryRun dryRun(IntegrationEvents events, JsonMapper json) {
        return new DryRun(events, new EntityMapping(), json, Schedulers.boundedElastic());
    }

    /** Which routes deliver on this replica, and which version of each: what to check after a change. */
    @Bean("delivery")
    HealthIndicator deliveryHealthIndicator(DeliveryRuntime runtime) {
        return () -> {
            Map<String, Object> details = new TreeMap<>();
            runtime.delivering().forEach((id, version) -> details.put(id, version.toString()));
            return Health.up().withDetails(details).build();
        };
    }

    /**
     * Not ready until every route defined before this replica started is known, and every route
     * delivering here has its start in Kafka: what is published once it is ready is delivered.
     */
    @Bean("routes")
    HealthIndicator routesHealthIndicator(RouteTable table, DeliveryRuntime runtime) {
        return () -> {
            Set<String> awaitingStart = runtime.awaitingStart();
            return (table.caughtUp() && awaitingStart.isEmpty() ? Health.up() : Health.outOfService())
                    .withDetail("routes", table.all().size())
                    .withDetail("awaitingStart", new TreeSet<>(awaitingStart)).build();
        };
    }
}
