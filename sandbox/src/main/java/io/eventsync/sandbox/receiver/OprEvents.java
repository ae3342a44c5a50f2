package io.eventsync.sandbox.receiver;

import io.eventsync.contracts.opr.EventRef;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.gateway.readmodel.ChangeNotApplicableException;
import io.eventsync.gateway.readmodel.EventChangeApplier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The target's events: each under the external id it was given, as currently known (changes applied in
 * document order by the gateway's {@link EventChangeApplier}, the same rules eventsync itself follows),
 * plus everything accepted, in order, for tests to assert on.
 *
 * <p>An event whose OMi id was seen before keeps its external id and replaces the stored state: a resend
 * after a lost answer must not create a second event on a sane target.
 */
final class OprEvents {

    /** A change about to be applied to the event with this external id; {@code label} names it in errors. */
    record PendingChange(String externalId, OprEventChange change, String label) {
    }

    private final EventChangeApplier applier;
    private final Map<String, OprEvent> stored = new HashMap<>();
    private final Map<String, String> externalIdsByOmiId = new HashMap<>();
    private final List<OprEvent> received = new ArrayList<>();
    private final List<OprEventChange> changes = new ArrayList<>();

    OprEvents(EventChangeApplier applier) {
        this.applier = applier;
    }

    /** Stores the event and answers its external id. */
    synchronized String accept(OprEvent event) {
        String externalId = event.id() == null ? newId()
                : externalIdsByOmiId.computeIfAbsent(event.id(), omiId -> newId());
        // sequence_number belongs to the bulk it came in, not to the event.
        stored.put(externalId, event.withId(externalId).withSequenceNumber(null));
        received.add(event);
        return externalId;
    }

    synchronized Optional<OprEvent> find(String externalId) {
        return Optional.ofNullable(stored.get(externalId));
    }

    /**
     * The external id an {@code event_ref} points at: by the target's own id ({@code target_global_id},
     * {@code global_id}) first, then by OMi's ({@code target_id}, {@code id}); seed 000 says either may
     * be what OMi sets.
     */
    synchronized Optional<String> resolve(EventRef ref) {
        for (String externalId : new String[] {ref.targetGlobalId(), ref.globalId()}) {
            if (externalId != null && stored.containsKey(externalId)) {
                return Optional.of(externalId);
            }
        }
        for (String omiId : new String[] {ref.targetId(), ref.id()}) {
            if (omiId != null && externalIdsByOmiId.containsKey(omiId)) {
                return Optional.of(externalIdsByOmiId.get(omiId));
            }
        }
        return Optional.empty();
    }

    /** Applies all the changes or, when one cannot be applied, none (404 or 400 naming it). */
    synchronized void apply(List<PendingChange> pending) {
        Map<String, OprEvent> updated = new LinkedHashMap<>();
        for (PendingChange change : pending) {
            OprEvent current = updated.getOrDefault(change.externalId(), stored.get(change.externalId()));
            if (current == null) {
                throw Problem.notFound(change.label() + ": there is no event " + change.externalId() + " here");
            }
            try {
                updated.put(change.externalId(), applier.apply(current, change.change()));
            } catch (ChangeNotApplicableException e) {
                throw Problem.invalid(change.label() + ": changed_properties entry " + e.changeIndex()
                        + " cannot be applied: " + e.getMessage(), "changeIndex", e.changeIndex());
            }
        }
        stored.putAll(updated);
        pending.forEach(change -> changes.add(change.change()));
    }

    synchronized List<OprEvent> received() {
        return List.copyOf(received);
    }

    synchronized List<OprEventChange> changes() {
        return List.copyOf(changes);
    }

    synchronized Map<String, Integer> counts() {
        return Map.of("stored", stored.size(), "eventsReceived", received.size(), "changesReceived", changes.size());
    }

    /** Forgets what was received; the stored events stay, so changes to them still apply. */
    synchronized void clearReceived() {
        received.clear();
        changes.clear();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
