package io.eventsync.sandbox.omi;

import io.eventsync.simulators.omi.ChangeApplication;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.OprValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OMi's events, each as currently known (every accepted change applied in document order by the OMi model's
 * own {@link ChangeApplication}, not by eventsync's rules), with the connected server it was forwarded to and
 * the external id that server gave it. A connected server may read and change only the events forwarded to
 * it ("Event Synchronization Web Service", step 3), and a request's changes are applied all together or not
 * at all (one rejected item fails the whole payload).
 */
final class ForwardedEvents {

    /** One event as OMi holds it. */
    record Forwarded(String connectedServer, String externalId, OprNode event) {

        String omiId() {
            return event.textOf("id").orElse("");
        }
    }

    /** A change ({@code event_change}) about to be applied to the OMi event {@code omiId}; {@code label} names it. */
    record PendingChange(String omiId, OprNode change, String label) {
    }

    /** One event with how many changes connected servers synced back to it since the last clear. */
    record Known(Forwarded forwarded, long changesReceived) {
    }

    // In forwarding order, so a listing reads like OMi's event browser: oldest first.
    private final Map<String, Forwarded> events = new LinkedHashMap<>();
    // With the event each change was applied to: a change sent to event_change/<id> need not name it.
    private final List<PendingChange> received = new ArrayList<>();

    /** Records the event as forwarded to {@code connectedServer}; a resend replaces what was known. */
    synchronized void remember(OprNode event, String connectedServer, String externalId) {
        // sequence_number belongs to the bulk the event was forwarded in, not to the event.
        OprNode kept = event.without("sequence_number");
        events.put(kept.textOf("id").orElseThrow(), new Forwarded(connectedServer, externalId, kept));
    }

    synchronized Optional<Forwarded> find(String omiId) {
        return Optional.ofNullable(events.get(omiId));
    }

    /** The event as currently known, when {@code connectedServer} may see it; a 403 otherwise. */
    synchronized OprNode readableBy(String connectedServer, String omiId) {
        return allowed(connectedServer, omiId, "event " + omiId).event();
    }

    /**
     * Applies every change for {@code connectedServer}, or none: 403 naming the first event it may not
     * change, 400 naming the first change that cannot be applied. Answers the events as changed.
     */
    synchronized Map<String, OprNode> applyAll(String connectedServer, List<PendingChange> pending) {
        pending.forEach(change -> allowed(connectedServer, change.omiId(), change.label()));
        Map<String, OprNode> updated = applied(pending);
        updated.forEach((omiId, event) -> events.compute(omiId, (id, old) -> new Forwarded(old.connectedServer(),
                old.externalId(), event)));
        received.addAll(pending);
        return updated;
    }

    /** A change OMi itself made, to an event it knows: applied, but not one received from a connected server. */
    synchronized void applyOwn(String omiId, OprNode change) {
        Forwarded old = events.get(omiId);
        events.put(omiId, new Forwarded(old.connectedServer(), old.externalId(),
                ChangeApplication.apply(old.event(), change)));
    }

    synchronized List<OprNode> received() {
        return received.stream().map(PendingChange::change).toList();
    }

    /** Every event, oldest forwarded first, each with its count of changes received; one consistent view. */
    synchronized List<Known> known() {
        return events.values().stream().map(forwarded -> new Known(forwarded, received.stream()
                .filter(change -> change.omiId().equals(forwarded.omiId())).count())).toList();
    }

    synchronized void clearReceived() {
        received.clear();
    }

    private Map<String, OprNode> applied(List<PendingChange> pending) {
        Map<String, OprNode> updated = new LinkedHashMap<>();
        for (PendingChange change : pending) {
            checkValues(change);
            OprNode current = updated.getOrDefault(change.omiId(), events.get(change.omiId()).event());
            try {
                updated.put(change.omiId(), ChangeApplication.apply(current, change.change()));
            } catch (IllegalArgumentException e) {
                throw SyncProblem.badRequest(change.label() + " cannot be applied to event " + change.omiId() + ": "
                        + e.getMessage());
            }
        }
        return updated;
    }

    /** OMi refuses a value its data model does not allow, naming the entry (from 0) of changed_properties. */
    private static void checkValues(PendingChange change) {
        List<OprNode> entries = change.change().child("changed_properties").map(OprNode::children).orElse(List.of());
        for (int i = 0; i < entries.size(); i++) {
            String property = entries.get(i).textOf("property_name").orElse("");
            int entry = i;
            entries.get(i).textOf("current_value").flatMap(value -> OprValues.refusal(property, value))
                    .ifPresent(why -> {
                        throw SyncProblem.badRequest(change.label() + ": changed_properties entry " + entry
                                + " cannot be applied to event " + change.omiId() + ": " + why);
                    });
        }
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
