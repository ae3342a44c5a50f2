package io.eventsync.gateway.readmodel;

import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.topic.RecordHeaderNames;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies the state topic to the store, on Kafka Streams' global thread: each record replaces what the
 * store held for its external id (a tombstone removes it), and the store notes how far it got in its
 * partition. No record is parsed: whether it closes the event comes from its {@code eventsync-opr-state}
 * header. Kafka Streams runs records through this also when it rebuilds the store from the topic.
 */
final class EventStateUpdater implements Processor<String, byte[], Void, Void> {

    static final String STORE = "opr-event-state";

    private final StorePositions positions;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;

    EventStateUpdater(StorePositions positions) {
        this.positions = positions;
    }

    @Override
    public void init(ProcessorContext<Void, Void> processorContext) {
        this.context = processorContext;
        this.store = processorContext.getStateStore(STORE);
        positions.load(store);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String key = record.key();
        if (key != null && !StorePositions.isPosition(key)) {
            if (record.value() == null) {
                store.delete(key);
            } else {
                store.put(key, StoredEvent.encode(closes(record), record.timestamp(), record.value()));
            }
        }
        context.recordMetadata().ifPresent(meta -> positions.applied(store, meta.partition(), meta.offset()));
    }

    private static boolean closes(Record<String, byte[]> record) {
        Header state = record.headers().lastHeader(RecordHeaderNames.OPR_STATE);
        return state != null && state.value() != null
                && State.CLOSED.wireName().equals(new String(state.value(), StandardCharsets.UTF_8));
    }
}
