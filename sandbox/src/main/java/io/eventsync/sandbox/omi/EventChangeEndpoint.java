package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.simulators.omi.OprNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST event_change/<id>} (one change, its event named by the path) and {@code POST event_change_list}
 * (each item naming its event by {@code event_ref}: {@code target_id}, else {@code id}). Answers echo what
 * was sent, so every item keeps its id and {@code sequence_number}; a list is applied whole or refused whole.
 */
final class EventChangeEndpoint {

    private static final String EVENT_CHANGE = "event_change";

    private final SyncWire wire;
    private final ForwardedEvents events;

    EventChangeEndpoint(SyncWire wire, ForwardedEvents events) {
        this.wire = wire;
        this.events = events;
    }

    SyncAnswer postOne(SyncRequest request, String omiId) {
        OprFormat format = wire.requestFormat(request);
        OprNode change = wire.read(request, format, EVENT_CHANGE);
        if (!change.name().equals(EVENT_CHANGE)) {
            throw SyncProblem.badRequest("POST event_change/<id> takes one event_change; a list goes to"
                    + " POST event_change_list");
        }
        events.applyAll(request.connectedServer(), List.of(new ForwardedEvents.PendingChange(omiId, change,
                EVENT_CHANGE)));
        return wire.answer(change, request, format);
    }

    SyncAnswer postList(SyncRequest request) {
        OprFormat format = wire.requestFormat(request);
        List<OprNode> items = SyncWire.items(wire.read(request, format, EVENT_CHANGE), EVENT_CHANGE);
        List<ForwardedEvents.PendingChange> pending = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String label = "event_change[" + i + "]";
            pending.add(new ForwardedEvents.PendingChange(eventOf(items.get(i), label), items.get(i), label));
        }
        events.applyAll(request.connectedServer(), pending);
        return wire.answer(OprNode.branch("event_change_list", items), request, format);
    }

    private static String eventOf(OprNode change, String label) {
        OprNode ref = change.child("event_ref").orElse(null);
        String omiId = ref == null ? "" : ref.textOf("target_id").or(() -> ref.textOf("id")).orElse("");
        if (omiId.isBlank()) {
            throw SyncProblem.badRequest(label + " names no event: in an event_change_list each item needs"
                    + " event_ref with target_id or id");
        }
        return omiId;
    }
}
