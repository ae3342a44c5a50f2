package io.eventsync.gateway.syncback;

import io.eventsync.contracts.syncback.SyncBackChange;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.eventsync.gateway.problem.ApiProblem;
import io.eventsync.gateway.problem.ApiProblem.FieldError;
import io.eventsync.gateway.publish.Acknowledgement;
import io.eventsync.gateway.publish.OverloadedException;
import io.eventsync.gateway.publish.SyncBackPublication;
import io.eventsync.gateway.readmodel.KnownEvent;
import io.eventsync.gateway.readmodel.ReadModelLookup;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * The rules of {@code POST /sync-back} after reading: all or nothing. Every change must be valid and
 * name an event OMi forwarded (any connected server's: the read model knows them all) before any is
 * published; the answer is a success only once Kafka acknowledged every change. In a refused
 * request every item counts as rejected for the reason the request was refused.
 */
final class SyncBackForwarding {

    static final String KIND = "sync-back";
    static final String NOT_FORWARDED = "no event with this external id was forwarded by OMi";

    private final SyncBackReader reader;
    private final SyncBackPublication publication;
    private final ReadModelLookup lookup;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final Duration retryAfter;

    SyncBackForwarding(SyncBackReader reader, SyncBackPublication publication, ReadModelLookup lookup,
                       GatewayMetrics metrics, Clock clock, Duration retryAfter) {
        this.reader = reader;
        this.publication = publication;
        this.lookup = lookup;
        this.metrics = metrics;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    /** The changes of {@code body}, each acknowledged by Kafka, in the order sent. */
    Mono<List<AcceptedChange>> forward(String client, byte[] body, String traceparent) {
        SyncBackReader.Changes read = reader.read(body);
        List<SyncBackChange> changes = read.changes();
        if (read.bulk()) {
            metrics.bulk(changes.size());
        }
        if (read.violations().count() > 0) {
            metrics.items(KIND, "rejected", "invalid", changes.size());
            throw read.violations().problem();
        }
        Set<String> externalIds = new LinkedHashSet<>();
        changes.forEach(change -> externalIds.add(change.externalId()));
        return lookup.find(externalIds, known -> true).flatMap(found -> {
            List<FieldError> unknown = new ArrayList<>();
            List<SyncBackPublication.Item> items = new ArrayList<>(changes.size());
            for (int i = 0; i < changes.size(); i++) {
                SyncBackChange change = changes.get(i);
                Optional<KnownEvent> known = found.get(change.externalId());
                if (known.isPresent()) {
                    items.add(new SyncBackPublication.Item(change, known.get().connectedServer()));
                } else {
                    unknown.add(new FieldError(read.pointers().get(i) + "/external_id", NOT_FORWARDED));
                }
            }
            if (!unknown.isEmpty()) {
                throw refuseUnknown(unknown, changes.size(), found.caughtUp());
            }
            return publication.publish(items, client, clock.instant(), traceparent)
                    .doOnError(OverloadedException.class, e -> metrics.items(KIND, "rejected", "overloaded",
                            changes.size()))
                    .map(acks -> acknowledged(changes, acks));
        });
    }

    /** A false 404 would make the client drop a change: while the read model is behind, 503 instead. */
    private ApiProblem refuseUnknown(List<FieldError> unknown, int items, boolean caughtUp) {
        if (!caughtUp) {
            metrics.items(KIND, "rejected", "read_model_behind", items);
            return ApiProblem.unavailable("read-model-behind", "the gateway is still reading the events OMi "
                    + "forwarded from Kafka and cannot tell yet whether this event is one; send the request again",
                    retryAfter);
        }
        metrics.items(KIND, "rejected", "unknown_event", items);
        String detail = items == 1 ? NOT_FORWARDED : unknown.size() + " of " + items
                + " changes name an event OMi never forwarded (listed in errors); nothing was published";
        return ApiProblem.withErrors(HttpStatus.NOT_FOUND, "unknown-event", "Unknown event", detail, unknown);
    }

    /**
     * All acknowledged: the answer. Otherwise a 503 that lists what was acknowledged after all, so the
     * client sends only the rest again.
     */
    List<AcceptedChange> acknowledged(List<SyncBackChange> changes, List<Acknowledgement> acks) {
        List<AcceptedChange> accepted = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            if (acks.get(i) != null) {
                accepted.add(new AcceptedChange(changes.get(i).externalId(), changes.get(i).changeId()));
            }
        }
        metrics.items(KIND, "accepted", "acknowledged", accepted.size());
        metrics.items(KIND, "rejected", "not_acknowledged", changes.size() - accepted.size());
        if (accepted.size() == changes.size()) {
            return accepted;
        }
        String detail = accepted.isEmpty()
                ? "Kafka did not acknowledge in time: treat nothing of this request as accepted and send it again"
                : "Kafka acknowledged only " + accepted.size() + " of " + changes.size()
                        + " changes in time (listed in accepted); send the others again";
        throw ApiProblem.unavailable("kafka-unavailable", detail, retryAfter).with("accepted", accepted);
    }
}
