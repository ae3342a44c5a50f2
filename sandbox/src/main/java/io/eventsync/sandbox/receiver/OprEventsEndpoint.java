package io.eventsync.sandbox.receiver;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /event} and {@code GET /event/<external id>} of seed 000. A single event is answered with
 * its external id set; a bulk with the events it accepted, each with its external id and the
 * {@code sequence_number} it came with. A partial fault leaves the last items out of the answer and
 * does not accept them, so OMi's resend is their first delivery.
 */
final class OprEventsEndpoint {

    private final OprWire wire;
    private final OprEvents events;
    private final FaultScopes faults;

    OprEventsEndpoint(OprWire wire, OprEvents events, FaultScopes faults) {
        this.wire = wire;
        this.events = events;
        this.faults = faults;
    }

    Answer post(IncomingRequest request) {
        OprFormat format = wire.requestFormat(request);
        OprDocument document = wire.read(request, format, OprCodec.Expect.EVENTS);
        if (document instanceof OprEvent event) {
            return wire.answer(event.withId(events.accept(event)), format);
        }
        List<OprEvent> items = ((OprEventList) document).event();
        int keep = items.size() - PartialAnswer.omitted(faults, request.path(), items.size());
        List<OprEvent> answered = new ArrayList<>(keep);
        for (OprEvent event : items.subList(0, keep)) {
            answered.add(event.withId(events.accept(event)));
        }
        return wire.answer(new OprEventList(answered), format);
    }

    Answer get(IncomingRequest request, String externalId) {
        OprEvent event = events.find(externalId).orElseThrow(() ->
                Problem.notFound("There is no event " + externalId + " here"));
        return wire.answer(event, wire.answerFormat(request));
    }
}
