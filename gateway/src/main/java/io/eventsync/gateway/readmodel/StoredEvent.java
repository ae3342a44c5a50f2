package io.eventsync.gateway.readmodel;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How the store keeps an event: a 9-byte prefix (whether the event is closed, and when its latest
 * record was written), then the record exactly as it is on the state topic. The prefix lets the store be
 * looked over without parsing a single record.
 */
final class StoredEvent {

    private static final int PREFIX = 9;
    private static final byte CLOSED = 1;

    private StoredEvent() {
    }

    static byte[] encode(boolean closed, long timestamp, byte[] record) {
        return ByteBuffer.allocate(PREFIX + record.length)
                .put(closed ? CLOSED : 0)
                .putLong(timestamp)
                .put(record)
                .array();
    }

    static boolean closed(byte[] stored) {
        return stored[0] == CLOSED;
    }

    static long timestamp(byte[] stored) {
        return ByteBuffer.wrap(stored, 1, 8).getLong();
    }

    /** The record as published. */
    static byte[] record(byte[] stored) {
        return Arrays.copyOfRange(stored, PREFIX, stored.length);
    }
}
