package io.eventsync.gateway.publish;

import io.eventsync.contracts.topic.RecordHeaderNames;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every record the gateway publishes carries (docs/topics.md), whatever its topic. */
final class EnvelopeHeaders {

    private EnvelopeHeaders() {
    }

    /** The contract's headers, in a map a publication may add its own to. */
    static Map<String, String> of(String schema, String kind, String source, String connectedServer,
                                  String externalId, Instant receivedAt, String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RecordHeaderNames.CONTENT_TYPE, "application/json");
        headers.put(RecordHeaderNames.SCHEMA, schema);
        headers.put(RecordHeaderNames.KIND, kind);
        headers.put(RecordHeaderNames.SOURCE, source);
        headers.put(RecordHeaderNames.CONNECTED_SERVER, connectedServer);
        headers.put(RecordHeaderNames.EXTERNAL_ID, externalId);
        headers.put(RecordHeaderNames.RECEIVED_AT, receivedAt.toString());
        if (traceparent != null && !traceparent.isBlank()) {
            headers.put(RecordHeaderNames.TRACEPARENT, traceparent);
        }
        return headers;
    }
}
