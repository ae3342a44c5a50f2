package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.EventRef;
import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST event_change/<id>} (one change, its event named by the path) and {@code POST event_change_list}
 * (each item naming its event by {@code event_ref}: {@code target_id}, else {@code id}). Answers echo what
 * was sent, so every item keeps its id and {@code sequence_number}; a list is applied whole or refused whole.
 */
final class EventChangeEndpoint {

    private final SyncWire wire;
    private final ForwardedEvents events;

    EventChangeEndpoint(SyncWire wire, ForwardedEvents events) {
        this.wire = wire;
        this.events = events;
    }

    SyncAnswer postOne(SyncRequest request, String omiId) {
        OprFormat format = wire.requestFormat(request);
        OprDocument document = wire.read(request, format, OprCodec.Expect.EVENT_CHANGES);
        if (!(document instanceof OprEventChange change)) {
            throw SyncProblem.badRequest("POST event_change/<id> takes one event_change; a list goes to"
                    + " POST event_change_list");
        }
        events.applyAll(request.connectedServer(), List.of(new ForwardedEvents.PendingChange(omiId, change,
                "event_change")));
        return wire.answer(change, request, format);
    }

    SyncAnswer postList(SyncRequest request) {
        OprFormat format = wire.requestFormat(request);
        OprDocument document = wire.read(request, format, OprCodec.Expect.EVENT_CHANGES);
        List<OprEventChange> items = document instanceof OprEventChangeList list ? list.eventChange()
                : List.of((OprEventChange) document);
        List<ForwardedEvents.PendingChange> pending = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String label = "event_change[" + i + "]";
            pending.add(new ForwardedEvents.PendingChange(eventOf(items.get(i), label), items.get(i), label));
        }
        events.applyAll(request.connectedServer(), pending);
        return wire.answer(new OprEventChangeList(items), request, format);
    }

    private static String eventOf(OprEventChange change, String label) {
        EventRef ref = change.eventRef();
        String omiId = ref == null ? null : ref.targetId() != null ? ref.targetId() : ref.id();
        if (omiId == null || omiId.isBlank()) {
            throw SyncProblem.badRequest(label + " names no event: in an event_change_list each item needs"
                    + " event_ref with target_id or id");
        }
        return omiId;
    }
}
