package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.simulators.omi.OprNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET event/<id>}, {@code PUT event/<id>} and {@code POST event_list}: the event as OMi knows it, and
 * changes sent as an {@code event} carrying the changed fields. A list is applied whole or refused whole.
 */
final class EventEndpoint {

    private static final String EVENT = "event";

    private final SyncWire wire;
    private final ForwardedEvents events;

    EventEndpoint(SyncWire wire, ForwardedEvents events) {
        this.wire = wire;
        this.events = events;
    }

    SyncAnswer get(SyncRequest request, String omiId) {
        return wire.answer(events.readableBy(request.connectedServer(), omiId), request, OprFormat.XML);
    }

    SyncAnswer put(SyncRequest request, String omiId) {
        OprFormat format = wire.requestFormat(request);
        OprNode changed = wire.read(request, format, EVENT);
        if (!changed.name().equals(EVENT)) {
            throw SyncProblem.badRequest("PUT event/<id> takes one event; several go to POST event_list");
        }
        String id = changed.textOf("id").orElse(null);
        if (id != null && !id.equals(omiId)) {
            throw SyncProblem.badRequest("The event's id " + id + " is not the path's " + omiId);
        }
        Map<String, OprNode> updated = events.applyAll(request.connectedServer(),
                List.of(new ForwardedEvents.PendingChange(omiId, EventUpdates.asChange(omiId, changed), EVENT)));
        return wire.answer(updated.get(omiId), request, format);
    }

    SyncAnswer postList(SyncRequest request) {
        OprFormat format = wire.requestFormat(request);
        List<OprNode> items = SyncWire.items(wire.read(request, format, EVENT), EVENT);
        List<ForwardedEvents.PendingChange> pending = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String id = items.get(i).textOf("id").orElse("");
            if (id.isBlank()) {
                throw SyncProblem.badRequest("event[" + i + "] has no id: in an event_list each item names its"
                        + " event by id");
            }
            pending.add(new ForwardedEvents.PendingChange(id, EventUpdates.asChange(id, items.get(i)),
                    "event[" + i + "]"));
        }
        Map<String, OprNode> updated = events.applyAll(request.connectedServer(), pending);
        List<OprNode> answered = new ArrayList<>(items.size());
        for (OprNode item : items) {
            OprNode now = updated.get(item.textOf("id").orElseThrow());
            answered.add(item.child("sequence_number").map(now::with).orElse(now));
        }
        return wire.answer(OprNode.branch("event_list", answered), request, format);
    }
}
