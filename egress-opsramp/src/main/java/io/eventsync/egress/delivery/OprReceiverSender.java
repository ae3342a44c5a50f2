package io.eventsync.egress.delivery;

import io.eventsync.egress.entity.EntityEvent;
import io.eventsync.egress.route.HttpMethod;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OPR-compliant receiver (seed 000), called as OMi calls a connected server: OMi events as a bulk
 * {@code POST <base>/event} (an {@code OprEventList}, each item with its {@code sequence_number}),
 * or a single {@code POST <base>/event} when retried alone; changes as a bulk
 * {@code POST <base>/event_change/} whose items carry {@code event_ref} with the OMi event id as
 * {@code target_id}. The answer's sequence numbers say which items the receiver took.
 *
 * <p>A single change also goes to the bulk path, as a list of one: the single path needs the
 * receiver's own id for the event, which eventsync does not keep yet.
 */
public final class OprReceiverSender implements TargetSender<EntityEvent> {

    private final HttpTarget target;
    private final String base;
    private final int maxBatch;
    private final JsonMapper json;

    public OprReceiverSender(HttpTarget target, URI base, int maxBatch, JsonMapper json) {
        this.target = target;
        this.base = base.toString().replaceAll("/+$", "");
        this.maxBatch = maxBatch;
        this.json = json;
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    /** Requests carry the OMi event or change of the record, not a rendered body. */
    @Override
    public boolean usesBody() {
        return false;
    }

    /** Events and changes go to different paths: a batch becomes runs of one kind, in their order. */
    @Override
    public List<List<Outgoing<EntityEvent>>> requests(List<Outgoing<EntityEvent>> batch) {
        List<List<Outgoing<EntityEvent>>> runs = new ArrayList<>();
        String runKind = null;
        for (Outgoing<EntityEvent> item : batch) {
            String kind = kindOf(item);
            if (!kind.equals(runKind)) {
                runs.add(new ArrayList<>());
                runKind = kind;
            }
            runs.get(runs.size() - 1).add(item);
        }
        return runs;
    }

    @Override
    public Mono<TargetAnswer> send(List<Outgoing<EntityEvent>> items) {
        Set<Long> all = Outgoing.sequences(items);
        if ("event_change".equals(kindOf(items.get(0)))) {
            ObjectNode list = json.createObjectNode();
            ArrayNode changes = list.putArray("event_change");
            for (Outgoing<EntityEvent> item : items) {
                JsonNode record = item.item().record();
                ObjectNode change = shallowCopy(record.path("event_change"));
                change.put("sequence_number", item.sequence());
                // OMi's event_ref names the event between OMi and eventsync; to this receiver it is the OMi event.
                change.putObject("event_ref").put("target_id", record.path("omi_event_id").asString());
                changes.add(change);
            }
            return target.call(HttpMethod.POST, URI.create(base + "/event_change/"), "application/json",
                    list.toString(), this::sequenceNumbers);
        }
        if (items.size() == 1) {
            JsonNode event = items.get(0).item().record().path("event");
            return target.call(HttpMethod.POST, URI.create(base + "/event"), "application/json", event.toString(),
                    answer -> all);
        }
        ObjectNode list = json.createObjectNode();
        ArrayNode events = list.putArray("event");
        for (Outgoing<EntityEvent> item : items) {
            ObjectNode event = shallowCopy(item.item().record().path("event"));
            event.put("sequence_number", item.sequence());
            events.add(event);
        }
        return target.call(HttpMethod.POST, URI.create(base + "/event"), "application/json", list.toString(),
                this::sequenceNumbers);
    }

    @Override
    public String describe() {
        return "OPR receiver " + base;
    }

    /** The sequence numbers of an OPR list answer, in any of the shapes receivers write. */
    private Set<Long> sequenceNumbers(String answer) {
        Set<Long> found = new HashSet<>();
        try {
            json.readTree(answer).findValues("sequence_number").forEach(value -> {
                if (value.canConvertToLong() || value.isString()) {
                    try {
                        found.add(value.isString() ? Long.parseLong(value.asString()) : value.asLong());
                    } catch (NumberFormatException ignored) {
                        // Not a number: the item is not taken, and is sent again.
                    }
                }
            });
        } catch (RuntimeException e) {
            // An answer that is no JSON takes nothing: every item is sent again, as seed 000 says.
        }
        return found;
    }

    private static String kindOf(Outgoing<EntityEvent> item) {
        return item.item().record().path("kind").asString("event");
    }

    /**
     * A new object with the same members, to add this request's {@code sequence_number} to: the
     * record's tree is shared with the route's view and with retries, so it is never changed.
     */
    private ObjectNode shallowCopy(JsonNode object) {
        ObjectNode copy = json.createObjectNode();
        object.properties().forEach(member -> copy.set(member.getKey(), member.getValue()));
        return copy;
    }
}
