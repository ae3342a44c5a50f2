package io.eventsync.ingest.publish;

import java.util.Map;

/** A record to write, already keyed and serialized; headers are UTF-8 text. */
public record OutgoingRecord(String topic, String key, byte[] value, Map<String, String> headers) {

    public OutgoingRecord {
        headers = Map.copyOf(headers);
    }
}
