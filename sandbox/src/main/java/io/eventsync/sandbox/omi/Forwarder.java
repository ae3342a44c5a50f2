package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.EventRef;
import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What OMi does towards a connected server of type External Event Processing (seed 000): forwards events,
 * one or a numbered bulk, takes the external ids the answer gives (a bulk's matched by
 * {@code sequence_number}), and from then on lets that connected server sync back changes to them (seed
 * 001, step 3). Changes OMi makes itself go to the event's external id.
 */
final class Forwarder {

    /** What OMi itself puts on a list it sends (PROTOCOLS.md); the gateway must take any {@code type=}. */
    static final String XML_COLLECTION = "application/xml;type=collection";
    /** Why there is no forwarder; said alike by the Java API and the control API. */
    static final String NO_GATEWAY = "No gateway URL is set (OmiSimulatorSettings.gatewayUrl), so there is"
            + " nowhere to forward to";

    private final GatewayClient gateway;
    private final String connectedServer;
    private final ForwardedEvents events;

    Forwarder(GatewayClient gateway, String connectedServer, ForwardedEvents events) {
        this.gateway = gateway;
        this.connectedServer = connectedServer;
        this.events = events;
    }

    String forward(OprEvent event) {
        requireOmiId(event, "The event");
        OprDocument answer = gateway.postEvents(event.withSequenceNumber(null), OprFormat.XML.mediaType());
        String externalId = answer instanceof OprEvent answered ? answered.id() : null;
        if (externalId == null || externalId.isBlank()) {
            throw new OmiForwardingException("POST /event", 200, String.valueOf(answer),
                    "the answer is no event with the external id set");
        }
        events.remember(event, connectedServer, externalId);
        return externalId;
    }

    /**
     * Numbers the events 1..n and answers their external ids in the same order. Events the answer leaves
     * out stay unforwarded (OMi would send them again later); they are named in the exception.
     */
    List<String> forward(List<OprEvent> batch) {
        if (batch.isEmpty()) {
            // OMi never sends an empty bulk; a target may well refuse one.
            return List.of();
        }
        List<OprEvent> numbered = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            requireOmiId(batch.get(i), "event[" + i + "]");
            numbered.add(batch.get(i).withSequenceNumber((long) i + 1));
        }
        OprDocument answer = gateway.postEvents(new OprEventList(numbered), XML_COLLECTION);
        Map<Long, String> externalIds = new HashMap<>();
        List<OprEvent> answered = answer instanceof OprEventList list ? list.event() : List.of((OprEvent) answer);
        answered.stream().filter(item -> item.sequenceNumber() != null && item.id() != null)
                .forEach(item -> externalIds.put(item.sequenceNumber(), item.id()));
        List<String> ids = new ArrayList<>(numbered.size());
        List<Long> missing = new ArrayList<>();
        for (OprEvent event : numbered) {
            String externalId = externalIds.get(event.sequenceNumber());
            if (externalId == null) {
                missing.add(event.sequenceNumber());
            } else {
                events.remember(event, connectedServer, externalId);
            }
            ids.add(externalId);
        }
        if (!missing.isEmpty()) {
            throw new OmiForwardingException("POST /event", 200, String.valueOf(answer),
                    "the answer has no event with an id for sequence_number " + missing);
        }
        return ids;
    }

    /** Applies the change to OMi's own event, then forwards it, {@code event_ref} filled in as OMi does. */
    OprEventChange forwardChange(String omiId, OprEventChange change) {
        ForwardedEvents.Forwarded forwarded = events.find(omiId).orElseThrow(() -> new IllegalArgumentException(
                "The event " + omiId + " was never forwarded, so it has no external id to send a change to"));
        OprEventChange sent = change.eventRef() != null ? change
                : change.withEventRef(new EventRef(null, null, omiId, forwarded.externalId()));
        events.applyOwn(omiId, sent);
        OprDocument answer = gateway.postChange(forwarded.externalId(), sent);
        return answer instanceof OprEventChange echoed ? echoed : sent;
    }

    private static void requireOmiId(OprEvent event, String what) {
        if (event.id() == null || event.id().isBlank()) {
            throw new IllegalArgumentException(what + " has no id: OMi forwards every event under its own id");
        }
    }
}
