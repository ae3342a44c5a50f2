package io.eventsync.egress.delivery;

import java.util.Map;

/**
 * One record as a route's pipeline sees it, independent of the Kafka client library.
 *
 * @param headers the record's headers as UTF-8 text (the last value of each name)
 * @param acknowledge marks the record done (delivered, dead-lettered or not for this route); its
 *     offset is committed once every record before it in its partition is done too
 */
public record SourceRecord(String topic, int partition, long offset, String key, Map<String, String> headers,
                           byte[] value, Runnable acknowledge) {

    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
