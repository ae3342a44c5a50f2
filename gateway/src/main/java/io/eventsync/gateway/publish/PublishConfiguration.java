package io.eventsync.gateway.publish;

import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.syncback.SyncBackSerde;
import io.eventsync.contracts.topic.OprRecordSerde;
import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.kafka.GatewayTopics;
import io.eventsync.gateway.kafka.KafkaClientConfigs;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import reactor.core.scheduler.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One producer for the whole gateway, behind the in-flight bound, for every topic it writes. */
@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

    @Bean
    InFlightLimit inFlightLimit(GatewayProperties properties) {
        return new InFlightLimit(properties.maxInFlightItems());
    }

    @Bean
    GatewayMetrics gatewayMetrics(MeterRegistry registry, InFlightLimit limit) {
        return new GatewayMetrics(registry, limit::inFlight);
    }

    @Bean(destroyMethod = "close")
    ReactorKafkaPublisher recordPublisher(KafkaClientConfigs configs, GatewayMetrics metrics, Scheduler gatewayWork) {
        return new ReactorKafkaPublisher(configs.producer(), metrics::kafkaError, gatewayWork);
    }

    @Bean
    BoundedPublisher boundedPublisher(RecordPublisher publisher, InFlightLimit limit, GatewayProperties properties,
                                      GatewayMetrics metrics, KafkaClientConfigs configs) {
        // The producer refuses a larger record on every send; the gateway must refuse it to OMi instead.
        Object maxRequestSize = configs.producer().getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576);
        return new BoundedPublisher(publisher, limit, properties.publishTimeout(), metrics,
                Long.parseLong(String.valueOf(maxRequestSize)));
    }

    @Bean
    OprPublication oprPublication(BoundedPublisher publisher, GatewayTopics topics, GatewayProperties properties,
                                  OprCodec codec) {
        return new OprPublication(publisher, topics.ensure(properties.topic()),
                topics.ensureCompacted(properties.stateTopicName()), new OprRecordSerde(codec).serializer());
    }

    @Bean
    SyncBackPublication syncBackPublication(BoundedPublisher publisher, GatewayTopics topics,
                                            GatewayProperties properties, OprCodec codec) {
        return new SyncBackPublication(publisher, topics.ensure(properties.syncBack().topic()),
                new SyncBackSerde(codec));
    }
}
