package io.eventsync.gateway.readmodel;

import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.topic.OprRecordSerde;
import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.config.KafkaClientProperties;
import io.eventsync.gateway.kafka.GatewayTopics;
import io.eventsync.gateway.kafka.KafkaClientConfigs;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read model behind {@code GET /event/{id}}, change validation and sync-back: a Kafka Streams global
 * store over the state topic (decision 0013).
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    EventChangeApplier eventChangeApplier(OprCodec codec) {
        return new EventChangeApplier(codec.jsonMapper());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    EventStore eventStore(KafkaClientConfigs configs, KafkaClientProperties kafka, Admin admin, GatewayTopics topics,
                          GatewayProperties properties, OprCodec codec, MeterRegistry registry) {
        String topic = topics.ensureCompacted(properties.stateTopicName());
        Properties config = new Properties();
        config.putAll(configs.common("read-model"));
        // One id for every replica: a global store reads all partitions itself and joins no group.
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.clientId() + "-read-model");
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 0);
        config.put(StreamsConfig.STATE_DIR_CONFIG,
                properties.readModelDirectory(kafka.bootstrapServers()).toAbsolutePath().toString());
        // How often the store is flushed and its checkpoint written: what a crash makes it read again.
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 10_000);
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, ReadModelRocksDb.class);
        EventStore store = new EventStore(config, topic, admin, new OprRecordSerde(codec).deserializer());
        Gauge.builder("eventsync.gateway.read.model.events", store, EventStore::size)
                .description("Events the read model holds on disk (RocksDB's estimate)")
                .register(registry);
        FunctionCounter.builder("eventsync.gateway.read.model.applied", store, EventStore::applied)
                .description("Records of the state topic the read model applied since the gateway started")
                .register(registry);
        return store;
    }

    @Bean
    ReadModelLookup readModelLookup(EventStore store, GatewayProperties properties) {
        return new ReadModelLookup(store, properties.readModelWait());
    }

    @Bean("readModel")
    ReadModelHealthIndicator readModelHealthIndicator(EventStore store) {
        return new ReadModelHealthIndicator(store);
    }
}
