package io.eventsync.gateway.publish;

import java.util.Map;

/**
 * One record to publish: its topic, key, serialized value and headers (names of
 * {@code RecordHeaderNames}). Values are serialized before the send, so one producer carries every
 * topic's schema.
 */
public record OutgoingRecord(String topic, String key, byte[] value, Map<String, String> headers) {

    /** Room for Kafka's record and batch framing around key, value and headers (about 90 bytes). */
    private static final int FRAMING = 256;

    /** At least what the producer counts against {@code max.request.size} for this record alone. */
    long sizeUpperBound() {
        long bytes = FRAMING + utf8Length(key) + (value == null ? 0 : value.length);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            bytes += 10 + utf8Length(header.getKey()) + utf8Length(header.getValue());
        }
        return bytes;
    }

    private static long utf8Length(String text) {
        // UTF-8 takes at most 3 bytes per UTF-16 unit: an upper bound without encoding the string.
        return text == null ? 0 : 3L * text.length();
    }
}
