package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.gateway.readmodel.ChangeNotApplicableException;
import io.eventsync.gateway.readmodel.EventChangeApplier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OMi's events, each as currently known (every accepted change applied in document order by the gateway's
 * own {@link EventChangeApplier}), with the connected server it was forwarded to and the external id that
 * server gave it. A connected server may read and change only the events forwarded to it (seed 001, step
 * 3), and a request's changes are applied all together or not at all (seed 000: one rejected item fails
 * the whole payload).
 */
final class ForwardedEvents {

    /** One event as OMi holds it. */
    record Forwarded(String connectedServer, String externalId, OprEvent event) {
    }

    /** A change about to be applied to the OMi event {@code omiId}; {@code label} names it in refusals. */
    record PendingChange(String omiId, OprEventChange change, String label) {
    }

    /** One event with how many changes connected servers synced back to it since the last clear. */
    record Known(Forwarded forwarded, long changesReceived) {
    }

    private final EventChangeApplier applier;
    // In forwarding order, so a listing reads like OMi's event browser: oldest first.
    private final Map<String, Forwarded> events = new LinkedHashMap<>();
    // With the event each change was applied to: a change sent to event_change/<id> need not name it.
    private final List<PendingChange> received = new ArrayList<>();

    ForwardedEvents(EventChangeApplier applier) {
        this.applier = applier;
    }

    /** Records the event as forwarded to {@code connectedServer}; a resend replaces what was known. */
    synchronized void remember(OprEvent event, String connectedServer, String externalId) {
        // sequence_number belongs to the bulk the event was forwarded in, not to the event.
        events.put(event.id(), new Forwarded(connectedServer, externalId, event.withSequenceNumber(null)));
    }

    synchronized Optional<Forwarded> find(String omiId) {
        return Optional.ofNullable(events.get(omiId));
    }

    /** The event as currently known, when {@code connectedServer} may see it; a 403 otherwise. */
    synchronized OprEvent readableBy(String connectedServer, String omiId) {
        return allowed(connectedServer, omiId, "event " + omiId).event();
    }

    /**
     * Applies every change for {@code connectedServer}, or none: 403 naming the first event it may not
     * change, 400 naming the first change that cannot be applied. Answers the events as changed.
     */
    synchronized Map<String, OprEvent> applyAll(String connectedServer, List<PendingChange> pending) {
        pending.forEach(change -> allowed(connectedServer, change.omiId(), change.label()));
        Map<String, OprEvent> updated = applied(pending);
        updated.forEach((omiId, event) -> events.compute(omiId, (id, old) -> new Forwarded(old.connectedServer(),
                old.externalId(), event)));
        received.addAll(pending);
        return updated;
    }

    /**
     * A change OMi itself made, to an event it knows: applied, but not one received from a connected server.
     *
     * @throws ChangeNotApplicableException when a property cannot take its new value
     */
    synchronized void applyOwn(String omiId, OprEventChange change) {
        Forwarded old = events.get(omiId);
        events.put(omiId, new Forwarded(old.connectedServer(), old.externalId(), applier.apply(old.event(), change)));
    }

    synchronized List<OprEventChange> received() {
        return received.stream().map(PendingChange::change).toList();
    }

    /** Every event, oldest forwarded first, each with its count of changes received; one consistent view. */
    synchronized List<Known> known() {
        return events.values().stream().map(forwarded -> new Known(forwarded, received.stream()
                .filter(change -> change.omiId().equals(forwarded.event().id())).count())).toList();
    }

    synchronized void clearReceived() {
        received.clear();
    }

    private Map<String, OprEvent> applied(List<PendingChange> pending) {
        Map<String, OprEvent> updated = new LinkedHashMap<>();
        for (PendingChange change : pending) {
            OprEvent current = updated.getOrDefault(change.omiId(), events.get(change.omiId()).event());
            try {
                updated.put(change.omiId(), applier.apply(current, change.change()));
            } catch (ChangeNotApplicableException e) {
                throw SyncProblem.badRequest(change.label() + ": changed_properties entry " + e.changeIndex()
                        + " cannot be applied to event " + change.omiId() + ": " + e.getMessage());
            }
        }
        return updated;
    }

    /** Unknown and forwarded elsewhere are refused alike, so a connected server learns nothing of others' events. */
    private Forwarded allowed(String connectedServer, String omiId, String label) {
        Forwarded forwarded = events.get(omiId);
        if (forwarded == null || !forwarded.connectedServer().equals(connectedServer)) {
            throw SyncProblem.forbidden(label + ": the event " + omiId + " was not forwarded to the connected server "
                    + connectedServer + ", so it may not read or change it");
        }
        return forwarded;
    }
}
