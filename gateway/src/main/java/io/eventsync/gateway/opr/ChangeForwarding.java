package io.eventsync.gateway.opr;

import io.eventsync.contracts.opr.EventRef;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.topic.ExternalIds;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.eventsync.gateway.problem.ApiProblem;
import io.eventsync.gateway.publish.OprPublication;
import io.eventsync.gateway.readmodel.ChangeNotApplicableException;
import io.eventsync.gateway.readmodel.EventChangeApplier;
import io.eventsync.gateway.readmodel.KnownEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * {@code POST /event_change/{id}} and the bulk {@code POST /event_change/}. A change is accepted
 * only for an event this connected server forwarded, and only if it applies to that event; it
 * is published under the event's OMi id so that it follows the event on the same partition.
 */
final class ChangeForwarding {

    private static final String KIND = "event_change";

    private final OprPublication publication;
    private final EventLookup lookup;
    private final EventChangeApplier applier;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final int maxBulkItems;
    private final Duration retryAfter;

    ChangeForwarding(OprPublication publication, EventLookup lookup, EventChangeApplier applier,
                     GatewayMetrics metrics, Clock clock, int maxBulkItems, Duration retryAfter) {
        this.publication = publication;
        this.lookup = lookup;
        this.applier = applier;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBulkItems = maxBulkItems;
        this.retryAfter = retryAfter;
    }

    Mono<OprEventChange> forwardOne(String server, String externalId, OprEventChange change, OprFormat format,
                                    String traceparent) {
        String base = ItemPointers.single(format, KIND);
        return lookup.find(server, externalId).flatMap(found -> {
            KnownEvent known = found.orElseThrow(() -> EventLookup.unknown(externalId));
            checkReference(change.eventRef(), known, base);
            checkApplies(known.event(), change, base);
            OprRecord record = OprRecord.ofChange(server, known.omiEventId(), externalId, clock.instant(), change);
            return publication.publish(List.of(record), traceparent).map(acks -> {
                if (acks.get(0) == null) {
                    metrics.items(KIND, "rejected", "not_acknowledged", 1);
                    throw Unacknowledged.problem(retryAfter);
                }
                metrics.items(KIND, "accepted", "acknowledged", 1);
                return change;
            });
        });
    }

    Mono<OprEventChangeList> forwardBulk(String server, OprEventChangeList list, OprFormat format,
                                         String traceparent) {
        List<OprEventChange> changes = list.eventChange();
        if (changes.size() > maxBulkItems) {
            throw ApiProblem.tooManyItems(changes.size(), "changes", maxBulkItems);
        }
        List<String> externalIds = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            externalIds.add(externalIdOf(server, changes.get(i).eventRef(), ItemPointers.item(format, KIND, i)));
        }
        metrics.bulk(changes.size());
        return lookup.findAll(server, externalIds)
                .flatMap(known -> publishKnown(server, changes, externalIds, known, format, traceparent));
    }

    private Mono<OprEventChangeList> publishKnown(String server, List<OprEventChange> changes, List<String> externalIds,
                                                  Map<String, Optional<KnownEvent>> known, OprFormat format,
                                                  String traceparent) {
        Instant receivedAt = clock.instant();
        Map<String, OprEvent> evolving = new HashMap<>();
        List<OprRecord> records = new ArrayList<>();
        List<OprEventChange> publishable = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Optional<KnownEvent> event = known.get(externalIds.get(i));
            if (event.isEmpty()) {
                continue;
            }
            String base = ItemPointers.item(format, KIND, i);
            checkReference(changes.get(i).eventRef(), event.get(), base);
            OprEvent before = evolving.getOrDefault(externalIds.get(i), event.get().event());
            evolving.put(externalIds.get(i), checkApplies(before, changes.get(i), base));
            records.add(OprRecord.ofChange(server, event.get().omiEventId(), externalIds.get(i), receivedAt,
                    changes.get(i)));
            publishable.add(changes.get(i));
        }
        metrics.items(KIND, "rejected", "unknown_event", changes.size() - publishable.size());
        return publication.publish(records, traceparent).map(acks -> {
            List<OprEventChange> accepted = new ArrayList<>();
            for (int i = 0; i < acks.size(); i++) {
                if (acks.get(i) != null) {
                    accepted.add(publishable.get(i));
                }
            }
            metrics.items(KIND, "accepted", "acknowledged", accepted.size());
            metrics.items(KIND, "rejected", "not_acknowledged", publishable.size() - accepted.size());
            if (accepted.isEmpty() && !publishable.isEmpty()) {
                throw Unacknowledged.problem(retryAfter);
            }
            return new OprEventChangeList(accepted);
        });
    }

    /** A bulk item names its event by target_global_id (our external id) or target_id (OMi's id). */
    private static String externalIdOf(String server, EventRef ref, String base) {
        if (ref == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "missing-field", "A required field is missing",
                    "every event change of a bulk must carry event_ref", base + "/event_ref", null);
        }
        if (ref.targetGlobalId() != null && !ref.targetGlobalId().isBlank()) {
            return OmiIds.require(ref.targetGlobalId(), base + "/event_ref/target_global_id", "target_global_id");
        }
        String omiId = OmiIds.require(ref.targetId(), base + "/event_ref/target_id",
                "event_ref needs target_global_id or target_id");
        return ExternalIds.of(server, omiId);
    }

    private static void checkReference(EventRef ref, KnownEvent known, String base) {
        if (ref == null) {
            return;
        }
        if (ref.targetGlobalId() != null && !ref.targetGlobalId().isBlank()
                && !ref.targetGlobalId().equals(known.externalId())) {
            throw ApiProblem.invalidField(base + "/event_ref/target_global_id",
                    "event_ref names another event than the one changed");
        }
        if (ref.targetId() != null && !ref.targetId().isBlank() && !ref.targetId().equals(known.omiEventId())) {
            throw ApiProblem.invalidField(base + "/event_ref/target_id",
                    "event_ref names another event than the one changed");
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
}
