package io.eventsync.sandbox.receiver;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /event_change/<external id>} (one change) and {@code POST /event_change/} (a bulk) of seed
 * 000. A bulk is taken whole or refused whole, as the seed wants: every item needs {@code event_ref}
 * (400 naming each index without one) and must refer to an event this target knows (404 naming the
 * first that does not). Answers echo the changes, so each keeps its {@code sequence_number}.
 */
final class OprChangesEndpoint {

    private final OprWire wire;
    private final OprEvents events;
    private final FaultScopes faults;

    OprChangesEndpoint(OprWire wire, OprEvents events, FaultScopes faults) {
        this.wire = wire;
        this.events = events;
        this.faults = faults;
    }

    Answer postOne(IncomingRequest request, String externalId) {
        OprFormat format = wire.requestFormat(request);
        OprDocument document = wire.read(request, format, OprCodec.Expect.EVENT_CHANGES);
        if (!(document instanceof OprEventChange change)) {
            throw Problem.badRequest("POST /event_change/<external id> takes one event_change; "
                    + "a list goes to POST /event_change/");
        }
        events.apply(List.of(new OprEvents.PendingChange(externalId, change, "event_change")));
        return wire.answer(change, format);
    }

    Answer postBulk(IncomingRequest request) {
        OprFormat format = wire.requestFormat(request);
        OprDocument document = wire.read(request, format, OprCodec.Expect.EVENT_CHANGES);
        if (!(document instanceof OprEventChangeList list)) {
            throw Problem.badRequest("POST /event_change/ takes an event_change_list; "
                    + "one change goes to POST /event_change/<external id>");
        }
        List<OprEventChange> items = list.eventChange();
        requireEventRefs(items);
        List<OprEvents.PendingChange> pending = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String label = "event_change[" + i + "]";
            OprEventChange change = items.get(i);
            String externalId = events.resolve(change.eventRef()).orElseThrow(() -> Problem.notFound(label
                    + ": its event_ref " + change.eventRef() + " names no event this target knows"));
            pending.add(new OprEvents.PendingChange(externalId, change, label));
        }
        int keep = items.size() - PartialAnswer.omitted(faults, request.path(), items.size());
        events.apply(pending.subList(0, keep));
        return wire.answer(new OprEventChangeList(items.subList(0, keep)), format);
    }

    private static void requireEventRefs(List<OprEventChange> items) {
        List<FieldError> missing = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).eventRef() == null) {
                missing.add(new FieldError(i, "event_ref", "/event_change/" + i + "/event_ref",
                        "event_ref is required in a bulk"));
            }
        }
        if (!missing.isEmpty()) {
            throw Problem.invalid("Every item of a bulk needs event_ref (seed 000); event_change["
                    + missing.get(0).index() + "] has none"
                    + (missing.size() > 1 ? ", nor have " + (missing.size() - 1) + " more" : ""), missing);
        }
    }
}
