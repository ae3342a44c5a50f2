package io.eventsync.reliability.gateway;

import io.eventsync.simulators.omi.OprJson;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway published, read as a subscriber reads it: plain JSON, no eventsync code, the OPR
 * documents as the OMi model's element trees so that its own reading of OPR data judges them.
 */
final class PublishedOpr {

    /** One record: its kind, ids, and documents (null when absent). */
    record Item(String kind, String omiEventId, String externalId, OprNode event, OprNode eventChange) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Item> items;

    private PublishedOpr(List<Item> items) {
        this.items = items;
    }

    static PublishedOpr read(String bootstrap, String topic) {
        List<Item> items = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readToEnd(bootstrap, topic, new ByteArrayDeserializer())) {
            if (record.value() == null) {
                continue;
            }
            JsonNode value = JSON.readTree(record.value());
            Header kind = record.headers().lastHeader("eventsync-kind");
            items.add(new Item(kind == null ? null : new String(kind.value(), StandardCharsets.UTF_8),
                    value.path("omi_event_id").asString(), value.path("external_id").asString(),
                    document(value, "event"), document(value, "event_change")));
        }
        return new PublishedOpr(items);
    }

    List<Item> items() {
        return items;
    }

    /** The last record of each OMi event of this kind, by OMi id (one partition per key: in publishing order). */
    Map<String, Item> last(String kind) {
        Map<String, Item> last = new LinkedHashMap<>();
        items.stream().filter(item -> kind.equals(item.kind())).forEach(item -> last.put(item.omiEventId(), item));
        return last;
    }

    /** The last record of each external id, whatever its kind: what a compacted topic ends with. */
    Map<String, Item> lastByExternalId() {
        Map<String, Item> last = new LinkedHashMap<>();
        items.forEach(item -> last.put(item.externalId(), item));
        return last;
    }

    private static OprNode document(JsonNode value, String member) {
        JsonNode document = value.get(member);
        return document == null || document.isNull() ? null
                : OprJson.read(JSON.writeValueAsBytes(document), member, null);
    }
}
