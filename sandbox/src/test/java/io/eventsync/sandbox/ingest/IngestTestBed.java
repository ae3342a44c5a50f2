package io.eventsync.sandbox.ingest;

import io.eventsync.sandbox.ofsc.OfscSimulator;
import io.eventsync.sandbox.ofsc.OfscSimulatorSettings;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;

/** One test's world: the shared broker, its own topics and transactional ids, its own OFSC simulator. */
final class IngestTestBed implements AutoCloseable {

    final KafkaBroker broker = Brokers.shared();
    final String topic = KafkaBroker.uniqueTopic("ofsc.events");
    final String checkpointTopic = KafkaBroker.uniqueTopic("ofsc.checkpoints");
    final String transactionalIdPrefix = KafkaBroker.uniqueTopic("ingest");
    final OfscSimulator ofsc;
    final OfscTopic onKafka;

    IngestTestBed(OfscSimulatorSettings settings) {
        this.ofsc = OfscSimulator.start(settings);
        this.onKafka = new OfscTopic(broker.bootstrapServers(), topic, checkpointTopic);
    }

    IngestArguments arguments() {
        return new IngestArguments(broker.bootstrapServers(), ofsc.baseUrl(), topic, checkpointTopic,
                transactionalIdPrefix);
    }

    @Override
    public void close() {
        onKafka.close();
        ofsc.close();
    }
}
