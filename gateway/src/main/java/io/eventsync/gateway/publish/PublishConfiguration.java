package io.eventsync.gateway.publish;

import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.topic.OprRecordSerde;
import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.kafka.KafkaClientConfigs;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One producer for the whole gateway, behind the in-flight bound. */
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
    ReactorKafkaPublisher recordPublisher(KafkaClientConfigs configs, OprCodec codec, GatewayMetrics metrics) {
        return new ReactorKafkaPublisher(configs.producer(), new OprRecordSerde(codec).serializer(),
                metrics::kafkaError);
    }

    @Bean
    OprPublication oprPublication(RecordPublisher publisher, InFlightLimit limit, GatewayProperties properties,
                                  GatewayMetrics metrics) {
        return new OprPublication(publisher, limit, properties.topic(), properties.publishTimeout(), metrics);
    }
}
