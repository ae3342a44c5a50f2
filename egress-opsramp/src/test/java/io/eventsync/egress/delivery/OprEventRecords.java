package io.eventsync.egress.delivery;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** OMi events as the gateway publishes them on {@code opr.events}, for delivery tests to feed routes. */
final class OprEventRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OprEventRecords() {
    }

    static ProducerRecord<String, byte[]> event(String topic, String key, String title, String severity) {
        ObjectNode value = JSON.createObjectNode().put("schema", "eventsync.opr-record/v1").put("kind", "event")
                .put("connected_server", "omi").put("omi_event_id", key);
        value.putObject("event").put("id", key).put("title", title).put("severity", severity);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, JSON.writeValueAsBytes(value));
        record.headers().add("eventsync-source", "omi".getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventsync-kind", "event".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
