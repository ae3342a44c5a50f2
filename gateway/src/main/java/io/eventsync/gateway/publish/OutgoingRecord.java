package io.eventsync.gateway.publish;

import java.util.Map;

/**
 * One record to publish: its topic, key, serialized value and headers (names of
 * {@code RecordHeaderNames}). Values are serialized before the send, so one producer carries every
 * topic's schema.
 */
public record OutgoingRecord(String topic, String key, byte[] value, Map<String, String> headers) {
}
