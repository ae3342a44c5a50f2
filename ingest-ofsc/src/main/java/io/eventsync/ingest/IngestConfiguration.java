package io.eventsync.ingest;

import io.eventsync.contracts.topic.TopicProvisioner;
import io.eventsync.ingest.checkpoint.CheckpointReader;
import io.eventsync.ingest.config.IngestProperties;
import io.eventsync.ingest.config.KafkaClientProperties;
import io.eventsync.ingest.config.OfscProperties;
import io.eventsync.ingest.kafka.KafkaClientConfigs;
import io.eventsync.ingest.metrics.IngestMetrics;
import io.eventsync.ingest.ofsc.OfscClient;
import io.eventsync.ingest.poll.PollerFleet;
import io.eventsync.ingest.poll.SubscriptionPoller;
import io.eventsync.ingest.poll.SubscriptionsHealthIndicator;
import io.eventsync.ingest.publish.PageWriters;
import io.eventsync.ingest.publish.ReactorKafkaPageWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** Wires the pollers: one per configured subscription, sharing the OFSC client and Kafka settings. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KafkaClientConfigs kafkaClientConfigs(KafkaClientProperties properties) {
        return new KafkaClientConfigs(properties);
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry, Clock clock) {
        return new IngestMetrics(registry, clock);
    }

    @Bean
    OfscClient ofscClient(OfscProperties properties, Clock clock) {
        // Built here rather than from Boot's builder: this client's timeouts are the poller's, and
        // nothing else in ingest makes HTTP calls.
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(10_000,
                        properties.requestTimeout().toMillis()))
                .responseTimeout(properties.requestTimeout());
        return OfscClient.create(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)),
                properties, clock);
    }

    @Bean
    PollerFleet pollerFleet(IngestProperties properties, OfscProperties ofsc, OfscClient client,
                            KafkaClientConfigs kafka, KafkaClientProperties kafkaProperties, IngestMetrics metrics,
                            Clock clock) {
        if (properties.createTopics()) {
            try (Admin admin = Admin.create(kafka.admin())) {
                TopicProvisioner.ensure(admin, new NewTopic(properties.topic(),
                        Optional.of(properties.topicPartitions()), Optional.empty()));
                TopicProvisioner.ensure(admin, new NewTopic(properties.checkpointTopic(), Optional.of(1),
                        Optional.empty()).configs(Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
        }
        PageWriters writers = transactionalId -> new ReactorKafkaPageWriter(kafka.producer(), transactionalId);
        CheckpointReader checkpoints = new CheckpointReader(
                () -> new KafkaConsumer<>(kafka.consumer("checkpoints"), new StringDeserializer(),
                        new ByteArrayDeserializer()),
                properties.checkpointTopic(), kafkaProperties.adminTimeout());
        String instance = ofsc.instance();
        return new PollerFleet(properties.subscriptions().stream()
                .map(subscription -> SubscriptionPoller.create(subscription, instance, properties, client, writers,
                        checkpoints, JsonMapper.builder().build(), metrics, clock, Schedulers.parallel(),
                        RandomGenerator.getDefault()))
                .toList());
    }

    @Bean("subscriptions")
    SubscriptionsHealthIndicator subscriptionsHealthIndicator(PollerFleet fleet) {
        return new SubscriptionsHealthIndicator(fleet::statuses);
    }
}
