package io.eventsync.gateway.readmodel;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * How far the store has applied each partition of the state topic: the next offset it expects. Kept in
 * the store itself, under keys no external id can take, so that they survive a restart with the store
 * (a partition with nothing new since is still known to be caught up) and are written in the same flush
 * as the events they cover. Read by any thread; written by the store's one updating thread.
 */
final class StorePositions {

    /** No external id starts with NUL: the gateway gives UUIDs, and ids with control characters are refused. */
    private static final String PREFIX = "\u0000position\u0000";

    private final Map<Integer, Long> next = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();

    /** Loads what the store holds, when its updating thread starts. */
    void load(KeyValueStore<String, byte[]> store) {
        try (KeyValueIterator<String, byte[]> positions = store.range(PREFIX, PREFIX + "\uffff")) {
            while (positions.hasNext()) {
                KeyValue<String, byte[]> position = positions.next();
                next.merge(Integer.parseInt(position.key.substring(PREFIX.length())),
                        ByteBuffer.wrap(position.value).getLong(), Math::max);
            }
        }
    }

    /** The store applied the record at {@code offset} of {@code partition}. */
    void applied(KeyValueStore<String, byte[]> store, int partition, long offset) {
        long following = offset + 1;
        store.put(PREFIX + partition, ByteBuffer.allocate(8).putLong(following).array());
        next.merge(partition, following, Math::max);
        applied.incrementAndGet();
    }

    /** Records applied since this process started (a restart from a checkpoint applies only what came after it). */
    long applied() {
        return applied.get();
    }

    /** Whether the store has applied everything before {@code end} in each partition. */
    boolean reached(Map<Integer, Long> end) {
        for (Map.Entry<Integer, Long> partition : end.entrySet()) {
            if (partition.getValue() > 0 && next.getOrDefault(partition.getKey(), 0L) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    static boolean isPosition(String key) {
        return key.startsWith(PREFIX);
    }
}
