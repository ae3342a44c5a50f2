package io.eventsync.gateway.opr;

import io.eventsync.contracts.opr.EventRef;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.topic.ExternalIds;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.eventsync.gateway.opr.ListAnswers.Refusal;
import io.eventsync.gateway.problem.ApiProblem;
import io.eventsync.gateway.readmodel.ChangeNotApplicableException;
import io.eventsync.gateway.readmodel.EventChangeApplier;
import io.eventsync.gateway.readmodel.KnownEvent;
import io.eventsync.gateway.readmodel.ReadModelLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * {@code POST /event_change/{id}} and the bulk {@code POST /event_change/}. A change is accepted
 * only for an event this connected server forwarded, and only if it applies to that event; it is
 * published under the event's OMi id, so that it follows the event on the same partition, with the
 * event as it stands after the change. A change is applied only once the read model has caught up with
 * the state topic (every change acknowledged before it, on any replica, applied); until then it is never
 * refused: a single one is answered 503 (OMi sends it again), a bulk leaves it out (OMi resends it in a
 * later bulk). A bulk with changes that cannot be taken for good (no such
 * event, one that does not apply) has OMi resend each alone ({@link ListAnswers}).
 */
final class ChangeForwarding {

    private static final String KIND = "event_change";

    private final ItemPublication items;
    private final EventLookup lookup;
    private final EventChangeApplier applier;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final int maxBulkItems;
    private final Duration retryAfter;

    ChangeForwarding(ItemPublication items, EventLookup lookup, EventChangeApplier applier,
                     GatewayMetrics metrics, Clock clock, int maxBulkItems, Duration retryAfter) {
        this.items = items;
        this.lookup = lookup;
        this.applier = applier;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBulkItems = maxBulkItems;
        this.retryAfter = retryAfter;
    }

    Mono<OmiAnswer> forwardOne(String server, String externalId, OprEventChange change, OprFormat format,
                               String traceparent) {
        String base = ItemPointers.single(format, KIND);
        return lookup.current(server, List.of(externalId)).flatMap(found -> {
            Optional<KnownEvent> event = found.get(externalId);
            if (!found.caughtUp()) {
                // Even a known event may lack a change acknowledged a moment ago: applied to that, this change
                // would publish a state without it. OMi sends it again once the store has caught up.
                metrics.items(KIND, "rejected", "read_model_behind", 1);
                throw EventLookup.behind(externalId, retryAfter);
            }
            if (event.isEmpty()) {
                metrics.items(KIND, "rejected", "unknown_event", 1);
                throw EventLookup.unknown(externalId);
            }
            KnownEvent known = event.get();
            checkReference(change.eventRef(), known, base);
            OprEvent after = checkApplies(known.event(), change, base);
            OprRecord record = OprRecord.ofChange(server, known.omiEventId(), externalId, clock.instant(), change, after);
            return items.one(KIND, record, base, traceparent, change);
        });
    }

    Mono<OmiAnswer> forwardBulk(String server, OprEventChangeList list, OprFormat format, String traceparent) {
        List<OprEventChange> changes = list.eventChange();
        metrics.bulk(changes.size());
        if (changes.size() > maxBulkItems) {
            metrics.items(KIND, "rejected", "resend_alone", changes.size());
            throw ListAnswers.resendEachAlone(ApiProblem.tooManyItems(changes.size(), "changes", maxBulkItems));
        }
        List<Refusal> refused = new ArrayList<>();
        String[] externalIds = new String[changes.size()];
        Set<String> named = new LinkedHashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            try {
                externalIds[i] = externalIdOf(server, changes.get(i).eventRef(), ItemPointers.item(format, KIND, i));
                named.add(externalIds[i]);
            } catch (ApiProblem problem) {
                refused.add(new Refusal(i, changes.get(i).sequenceNumber(), problem));
            }
        }
        return lookup.current(server, named)
                .flatMap(found -> publishKnown(server, changes, externalIds, found, refused, format, traceparent));
    }

    private Mono<OmiAnswer> publishKnown(String server, List<OprEventChange> changes, String[] externalIds,
                                         ReadModelLookup.Found found, List<Refusal> refused, OprFormat format,
                                         String traceparent) {
        Instant receivedAt = clock.instant();
        Map<String, OprEvent> evolving = new HashMap<>();
        List<OprRecord> records = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int notYetKnown = 0;
        for (int i = 0; i < changes.size(); i++) {
            if (externalIds[i] == null) {
                continue;
            }
            OprEventChange change = changes.get(i);
            String base = ItemPointers.item(format, KIND, i);
            Optional<KnownEvent> event = found.get(externalIds[i]);
            if (!found.caughtUp()) {
                // As for one change: not applied to what may lack the latest acknowledged state; resent later.
                notYetKnown++;
                continue;
            }
            if (event.isEmpty()) {
                refused.add(new Refusal(i, change.sequenceNumber(), EventLookup.unknown(externalIds[i],
                        base + "/event_ref")));
                continue;
            }
            try {
                checkReference(change.eventRef(), event.get(), base);
                OprEvent after = checkApplies(evolving.getOrDefault(externalIds[i], event.get().event()), change, base);
                evolving.put(externalIds[i], after);
                records.add(OprRecord.ofChange(server, event.get().omiEventId(), externalIds[i], receivedAt, change,
                        after));
                positions.add(i);
            } catch (ApiProblem problem) {
                refused.add(new Refusal(i, change.sequenceNumber(), problem));
            }
        }
        int leftForLater = notYetKnown;
        ItemPublication.Bulk bulk = new ItemPublication.Bulk(KIND, "changes", changes.size(), records, positions,
                refused, i -> changes.get(i).sequenceNumber(), i -> ItemPointers.item(format, KIND, i));
        return items.bulk(bulk, traceparent, acknowledged -> {
            metrics.items(KIND, "rejected", "read_model_behind", leftForLater);
            return new OprEventChangeList(acknowledged.stream().map(k -> changes.get(positions.get(k))).toList());
        });
    }

    /**
     * The external id a bulk change names its event by: {@code target_global_id} or {@code global_id}
     * (the gateway's own id for the event: the forwarding document names {@code global_id}, OMi fills
     * {@code target_global_id}), else {@code target_id} (OMi's id).
     */
    private static String externalIdOf(String server, EventRef ref, String base) {
        if (ref == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "missing-field", "A required field is missing",
                    "every event change of a bulk must carry event_ref", base + "/event_ref", null);
        }
        String targetGlobalId = blankToNull(ref.targetGlobalId());
        String globalId = blankToNull(ref.globalId());
        if (targetGlobalId != null && globalId != null && !targetGlobalId.equals(globalId)) {
            throw ApiProblem.invalidField(base + "/event_ref/global_id",
                    "global_id and target_global_id name two different events");
        }
        if (targetGlobalId != null) {
            return OmiIds.require(targetGlobalId, base + "/event_ref/target_global_id", "target_global_id");
        }
        if (globalId != null) {
            return OmiIds.require(globalId, base + "/event_ref/global_id", "global_id");
        }
        String omiId = OmiIds.require(ref.targetId(), base + "/event_ref/target_id",
                "event_ref needs target_global_id, global_id or target_id");
        return ExternalIds.of(server, omiId);
    }

    /** Every id event_ref gives must name the event changed. */
    private static void checkReference(EventRef ref, KnownEvent known, String base) {
        if (ref == null) {
            return;
        }
        checkNames(blankToNull(ref.targetGlobalId()), known.externalId(), base + "/event_ref/target_global_id");
        checkNames(blankToNull(ref.globalId()), known.externalId(), base + "/event_ref/global_id");
        checkNames(blankToNull(ref.targetId()), known.omiEventId(), base + "/event_ref/target_id");
    }

    private static void checkNames(String given, String expected, String pointer) {
        if (given != null && !given.equals(expected)) {
            throw ApiProblem.invalidField(pointer, "event_ref names another event than the one changed");
        }
    }

    private OprEvent checkApplies(OprEvent event, OprEventChange change, String base) {
        try {
            return applier.apply(event, change);
        } catch (ChangeNotApplicableException e) {
            String element = change.changedProperties().changes().get(e.changeIndex()).element();
            throw ApiProblem.invalidField(base + "/changed_properties/" + element, e.getMessage());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
