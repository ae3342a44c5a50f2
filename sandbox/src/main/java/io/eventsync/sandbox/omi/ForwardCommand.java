package io.eventsync.sandbox.omi;

import io.eventsync.simulators.omi.OprNode;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /sim/forward}: has OMi forward an {@code event}, or an {@code event_list} as one bulk, to the
 * gateway by the same {@link Forwarder} as {@link OmiSimulator#forward}, and answers the ids to follow each
 * by. What goes wrong beyond the simulator is passed on, not hidden in a 500: no gateway configured is a 409,
 * a gateway that refuses or cannot be reached a 502, the first with the gateway's status and body.
 */
final class ForwardCommand {

    private final SyncWire wire;
    /** Null when no gateway URL is set: sync-back still works, forwarding has nowhere to go. */
    private final Forwarder forwarder;
    private final JsonMapper json;

    ForwardCommand(SyncWire wire, Forwarder forwarder, JsonMapper json) {
        this.wire = wire;
        this.forwarder = forwarder;
        this.json = json;
    }

    SyncAnswer answer(SyncRequest request) {
        if (forwarder == null) {
            throw SyncProblem.of(409, Forwarder.NO_GATEWAY);
        }
        OprNode document = wire.read(request, wire.requestFormat(request), "event");
        ObjectNode answer;
        try {
            answer = document.name().equals("event_list") ? bulk(document.children("event")) : one(document);
        } catch (IllegalArgumentException e) {
            // The forwarder refuses an event without an id before it sends anything.
            throw SyncProblem.badRequest(e.getMessage());
        } catch (OmiForwardingException e) {
            // Not taken, or nothing answered: then there is no status or body to pass on.
            SyncProblem problem = SyncProblem.of(502, e.getMessage());
            throw e.status() == 0 ? problem
                    : problem.with("gateway_status", e.status()).with("gateway_body", e.bodyExcerpt());
        }
        return SyncAnswer.json(json, answer);
    }

    private ObjectNode one(OprNode event) {
        return ids(json.createObjectNode(), event.textOf("id").orElse(""), forwarder.forward(event));
    }

    private ObjectNode bulk(List<OprNode> events) {
        List<String> externalIds = forwarder.forward(events);
        ObjectNode answer = json.createObjectNode();
        ArrayNode forwarded = answer.putArray("forwarded");
        for (int i = 0; i < events.size(); i++) {
            ids(forwarded.addObject(), events.get(i).textOf("id").orElse(""), externalIds.get(i));
        }
        return answer;
    }

    private static ObjectNode ids(ObjectNode item, String omiId, String externalId) {
        return item.put("omi_event_id", omiId).put("external_id", externalId);
    }
}
