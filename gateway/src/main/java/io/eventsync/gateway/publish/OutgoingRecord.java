package io.eventsync.gateway.publish;

import io.eventsync.contracts.topic.OprRecord;
import java.util.Map;

/** One record to publish: its key, value and headers (names of {@code RecordHeaderNames}). */
public record OutgoingRecord(String topic, String key, OprRecord value, Map<String, String> headers) {
}
