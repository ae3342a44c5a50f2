package io.eventsync.sandbox.omi;

import io.eventsync.simulators.omi.ForwardingSettings;
import io.eventsync.simulators.omi.ForwardingTally;
import io.eventsync.simulators.omi.OmiChange;
import io.eventsync.simulators.omi.OmiForwarder;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.WireFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What OMi does towards a connected server of type External Event Processing: forwards events, one or a
 * numbered bulk, and changes, by the simulators' {@link OmiForwarder} (the forwarding document's rules: a
 * bulk's answer matched by {@code sequence_number}, what it leaves out resent, a 5xx resending each item
 * alone, a 4xx failing them), and from then on lets that connected server sync back changes to the events
 * forwarded ("Event Synchronization Web Service", step 3). Each call returns once OMi is done with what it
 * sent: acknowledged, or failed for good.
 */
final class Forwarder implements AutoCloseable {

    /** Why there is no forwarder; said alike by the Java API and the control API. */
    static final String NO_GATEWAY = "No gateway URL is set (OmiSimulatorSettings.gatewayUrl), so there is"
            + " nowhere to forward to";
    /** How long a call resends what the gateway did not take before it gives up. */
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final OmiForwarder omi;
    private final String connectedServer;
    private final String base;
    private final ForwardedEvents events;

    Forwarder(ForwardingSettings settings, ForwardedEvents events) {
        this.omi = new OmiForwarder(settings.withFormat(WireFormat.XML_COLLECTION));
        this.connectedServer = settings.connectedServer();
        String url = settings.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.events = events;
    }

    String forward(OprNode event) {
        String omiId = requireOmiId(event, "The event");
        omi.forwardEvent(event);
        omi.settle(SETTLE);
        return acknowledged(event, omiId, "POST " + base + "/event");
    }

    List<String> forward(List<OprNode> batch) {
        batch.forEach(event -> requireOmiId(event, "An event"));
        omi.forwardEvents(batch);
        omi.settle(SETTLE);
        List<String> ids = new ArrayList<>(batch.size());
        List<RuntimeException> refused = new ArrayList<>();
        for (OprNode event : batch) {
            try {
                ids.add(acknowledged(event, event.textOf("id").orElseThrow(), "POST " + base + "/event"));
            } catch (OmiForwardingException e) {
                refused.add(e);
            }
        }
        if (!refused.isEmpty()) {
            // Those acknowledged are forwarded all the same.
            throw (OmiForwardingException) refused.get(0);
        }
        return ids;
    }

    /** Applies the change to OMi's own event, then forwards it, {@code event_ref} filled in as OMi does. */
    OprNode forwardChange(String omiId, OprNode change) {
        if (events.find(omiId).isEmpty()) {
            throw new IllegalArgumentException("The event " + omiId
                    + " was never forwarded, so it has no external id to send a change to");
        }
        events.applyOwn(omiId, change);
        OmiChange forwarded = new OmiChange(change.textOf("id").orElse(UUID.randomUUID().toString()), omiId,
                change.child("changed_properties").map(OprNode::children).orElse(List.of()));
        omi.forwardChange(forwarded);
        omi.settle(SETTLE);
        OmiForwarder.Outcome outcome = omi.changeOutcome(forwarded.id()).orElseThrow();
        if (outcome != OmiForwarder.Outcome.ACKNOWLEDGED) {
            throw refusal("POST " + base + "/event_change/" + events.find(omiId).orElseThrow().externalId(),
                    forwarded.id(), outcome);
        }
        return change;
    }

    /** An event forwarded before, by other means: OMi knows its external id. */
    void assume(OprNode event, String externalId) {
        omi.assumeForwarded(event, externalId);
    }

    private String acknowledged(OprNode event, String omiId, String request) {
        OmiForwarder.Outcome outcome = omi.eventOutcome(omiId).orElseThrow();
        if (outcome != OmiForwarder.Outcome.ACKNOWLEDGED) {
            throw refusal(request, omiId, outcome);
        }
        String externalId = omi.externalId(omiId).orElseThrow();
        events.remember(event, connectedServer, externalId);
        return externalId;
    }

    private OmiForwardingException refusal(String request, String id, OmiForwarder.Outcome outcome) {
        ForwardingTally.Failure failure = omi.tally().failures().stream().filter(f -> f.id().equals(id))
                .reduce((first, last) -> last).orElse(null);
        if (failure == null) {
            return new OmiForwardingException(request, 0, "", "not acknowledged within " + SETTLE.toSeconds()
                    + " s (" + outcome + ")");
        }
        return new OmiForwardingException(request, failure.status(), failure.detail(), "the gateway refused it"
                + (failure.problemType().isEmpty() ? "" : " (" + failure.problemType() + ")"));
    }

    private static String requireOmiId(OprNode event, String what) {
        String id = event.textOf("id").orElse("");
        if (id.isBlank()) {
            throw new IllegalArgumentException(what + " has no id: OMi forwards every event under its own id");
        }
        return id;
    }

    @Override
    public void close() {
        omi.close();
    }
}
