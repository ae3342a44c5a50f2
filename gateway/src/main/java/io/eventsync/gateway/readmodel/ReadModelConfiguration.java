package io.eventsync.gateway.readmodel;

import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.topic.OprRecordSerde;
import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.kafka.GatewayTopics;
import io.eventsync.gateway.kafka.KafkaClientConfigs;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
    EventReadModel eventReadModel(EventChangeApplier applier, GatewayProperties properties, MeterRegistry registry) {
        EventReadModel model = new EventReadModel(applier, properties.readModelMaxEvents());
        Gauge.builder("eventsync.gateway.read.model.events", model, EventReadModel::size)
                .description("Events the read model holds (at most read-model-max-events)")
                .register(registry);
        FunctionCounter.builder("eventsync.gateway.read.model.forgotten", model, EventReadModel::forgottenClosed)
                .description("Events the read model forgot to stay within read-model-max-events")
                .tag("state", "closed")
                .register(registry);
        FunctionCounter.builder("eventsync.gateway.read.model.forgotten", model, EventReadModel::forgottenOpen)
                .description("Events the read model forgot to stay within read-model-max-events")
                .tag("state", "open")
                .register(registry);
        return model;
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
