package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET event/<id>}, {@code PUT event/<id>} and {@code POST event_list}: the event as OMi knows it, and
 * changes sent as an {@code event} carrying the changed fields. A list is applied whole or refused whole.
 */
final class EventEndpoint {

    private final SyncWire wire;
    private final ForwardedEvents events;
    private final EventUpdates updates;

    EventEndpoint(SyncWire wire, ForwardedEvents events, EventUpdates updates) {
        this.wire = wire;
        this.events = events;
        this.updates = updates;
    }

    SyncAnswer get(SyncRequest request, String omiId) {
        OprEvent event = events.readableBy(request.connectedServer(), omiId);
        return wire.answer(event, request, OprFormat.XML);
    }

    SyncAnswer put(SyncRequest request, String omiId) {
        OprFormat format = wire.requestFormat(request);
        OprDocument document = wire.read(request, format, OprCodec.Expect.EVENTS);
        if (!(document instanceof OprEvent changed)) {
            throw SyncProblem.badRequest("PUT event/<id> takes one event; several go to POST event_list");
        }
        if (changed.id() != null && !changed.id().equals(omiId)) {
            throw SyncProblem.badRequest("The event's id " + changed.id() + " is not the path's " + omiId);
        }
        Map<String, OprEvent> updated = events.applyAll(request.connectedServer(),
                List.of(new ForwardedEvents.PendingChange(omiId, updates.asChange(omiId, changed), "event")));
        return wire.answer(updated.get(omiId), request, format);
    }

    SyncAnswer postList(SyncRequest request) {
        OprFormat format = wire.requestFormat(request);
        OprDocument document = wire.read(request, format, OprCodec.Expect.EVENTS);
        List<OprEvent> items = document instanceof OprEventList list ? list.event() : List.of((OprEvent) document);
        List<ForwardedEvents.PendingChange> pending = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            OprEvent item = items.get(i);
            if (item.id() == null || item.id().isBlank()) {
                throw SyncProblem.badRequest("event[" + i + "] has no id: in an event_list each item names its"
                        + " event by id");
            }
            pending.add(new ForwardedEvents.PendingChange(item.id(), updates.asChange(item.id(), item),
                    "event[" + i + "]"));
        }
        Map<String, OprEvent> updated = events.applyAll(request.connectedServer(), pending);
        List<OprEvent> answered = items.stream()
                .map(item -> Objects.requireNonNull(updated.get(item.id())).withSequenceNumber(item.sequenceNumber()))
                .toList();
        return wire.answer(new OprEventList(answered), request, format);
    }
}
