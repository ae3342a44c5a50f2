package io.eventsync.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.simulators.omi.ForwardingSettings;
import io.eventsync.simulators.omi.ForwardingSettings.EventRefStyle;
import io.eventsync.simulators.omi.OmiForwarder;
import io.eventsync.simulators.omi.OprEquivalence;
import io.eventsync.simulators.omi.OprJson;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.WireFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * The gateway seen from OMi's side: the simulators' independent OMi forwarding model pointed at a
 * gateway, and what landed on the topic read without the gateway's codec, so that "on the topic as
 * sent" is judged by the model's own reading of OPR data ({@link OprEquivalence}).
 */
public final class OmiSide {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OmiSide() {
    }

    /** OMi forwarding to the gateway on {@code port} as {@link GatewayTestBase#SERVER}, resending quickly. */
    public static OmiForwarder forwarder(int port, WireFormat format, EventRefStyle eventRef) {
        return new OmiForwarder(ForwardingSettings.of(URI.create("http://127.0.0.1:" + port + "/opr"),
                        GatewayTestBase.SERVER, GatewayTestBase.PASSWORD)
                .withFormat(format).withEventRef(eventRef)
                .withResendDelay(Duration.ofMillis(50), Duration.ofMillis(500)));
    }

    /** One record of {@code opr.events} as a subscriber reads it: its kind, ids and documents. */
    public record TopicItem(String kind, String omiEventId, String externalId, OprNode event, OprNode eventChange) {
    }

    /** Every record on the topic, in order per partition, read with plain JSON. */
    public static List<TopicItem> topic(String bootstrap, String topic) {
        List<TopicItem> items = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : io.eventsync.testkit.TopicReader.readToEnd(bootstrap, topic,
                new ByteArrayDeserializer())) {
            JsonNode value = JSON.readTree(record.value());
            items.add(new TopicItem(header(record, "eventsync-kind"), value.path("omi_event_id").asString(),
                    value.path("external_id").asString(), document(value, "event"),
                    document(value, "event_change")));
        }
        return items;
    }

    /** The last {@code event} record of each OMi event, by OMi id. */
    public static Map<String, OprNode> lastEvents(List<TopicItem> items) {
        Map<String, OprNode> last = new LinkedHashMap<>();
        items.stream().filter(item -> "event".equals(item.kind())).forEach(item -> last.put(item.omiEventId(),
                item.event()));
        return last;
    }

    /** Every event OMi saw acknowledged is on the topic, carrying the same data OMi sent. */
    public static void assertAcknowledgedEventsOnTopicAsSent(OmiForwarder omi, List<TopicItem> items) {
        Map<String, OprNode> onTopic = lastEvents(items);
        for (Map.Entry<String, String> acknowledged : omi.externalIds().entrySet()) {
            String omiId = acknowledged.getKey();
            assertThat(onTopic).as("event %s, acknowledged to OMi, on the topic", omiId).containsKey(omiId);
            assertThat(OprEquivalence.differences(omi.forwarded(omiId).orElseThrow(), onTopic.get(omiId)))
                    .as("event %s on the topic as OMi sent it", omiId).isEmpty();
        }
    }

    private static OprNode document(JsonNode value, String member) {
        JsonNode document = value.get(member);
        return document == null || document.isNull() ? null
                : OprJson.read(JSON.writeValueAsBytes(document), member, null);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
