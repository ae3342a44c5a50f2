package io.eventsync.gateway.readmodel;

import io.eventsync.contracts.topic.OprRecordSerde;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;

/** A read-model store outside a gateway, configured as the gateway configures its own, and started. */
final class Stores {

    private Stores() {
    }

    static EventStore started(String bootstrap, String topic, Path dir, Admin admin, String applicationId) {
        Properties config = new Properties();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 0);
        config.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, ReadModelRocksDb.class);
        EventStore store = new EventStore(config, topic, admin, new OprRecordSerde().deserializer());
        store.start();
        return store;
    }
}
