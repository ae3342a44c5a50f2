package io.eventsync.gateway.readmodel;

import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.topic.OprRecordSerde;
import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.kafka.GatewayTopics;
import io.eventsync.gateway.kafka.KafkaClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read model behind {@code GET /event/{id}}, change validation and sync-back, fed from the
 * topic.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    EventChangeApplier eventChangeApplier(OprCodec codec) {
        return new EventChangeApplier(codec.jsonMapper());
    }

    @Bean
    EventReadModel eventReadModel(EventChangeApplier applier) {
        return new EventReadModel(applier);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ReadModelFeed readModelFeed(KafkaClientConfigs configs, Admin admin, GatewayTopics topics,
                                GatewayProperties properties, OprCodec codec, EventReadModel model) {
        return new ReadModelFeed(
                () -> new KafkaConsumer<>(configs.consumer("read-model"), new StringDeserializer(),
                        new ByteArrayDeserializer()),
                admin, topics.ensure(properties.topic()), new OprRecordSerde(codec).deserializer(), model);
    }

    @Bean
    ReadModelLookup readModelLookup(EventReadModel model, ReadModelFeed feed, GatewayProperties properties) {
        return new ReadModelLookup(model, feed, properties.readModelWait());
    }

    @Bean("readModel")
    ReadModelHealthIndicator readModelHealthIndicator(ReadModelFeed feed, EventReadModel model) {
        return new ReadModelHealthIndicator(feed, model);
    }
}
