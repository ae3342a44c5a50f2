package io.eventsync.gateway.opr;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.topic.ExternalIds;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.eventsync.gateway.problem.ApiProblem;
import io.eventsync.gateway.publish.Acknowledgement;
import io.eventsync.gateway.problem.ProblemMapper;
import io.eventsync.gateway.publish.OprPublication;
import io.eventsync.gateway.publish.OverloadedException;
import io.eventsync.gateway.publish.RecordTooLargeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import reactor.core.publisher.Mono;

/**
 * {@code POST /event}: one event or a bulk. Each event is published under its OMi id with the
 * external id derived from (connected server, OMi id); the answer lists only what Kafka
 * acknowledged, so what OMi is not told about it sends again (seed 000's bulk rule).
 */
final class EventForwarding {

    private static final String KIND = "event";

    private final OprPublication publication;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final int maxBulkItems;
    private final Duration retryAfter;

    EventForwarding(OprPublication publication, GatewayMetrics metrics, Clock clock, int maxBulkItems,
                    Duration retryAfter) {
        this.publication = publication;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBulkItems = maxBulkItems;
        this.retryAfter = retryAfter;
    }

    Mono<OprDocument> forward(String server, OprDocument document, OprFormat format, String traceparent) {
        if (document instanceof OprEvent event) {
            OmiIds.require(event.id(), ItemPointers.single(format, KIND) + "/id", "the event id");
            return publish(server, List.of(event), traceparent, i -> ItemPointers.single(format, KIND)).map(accepted -> {
                if (accepted.isEmpty()) {
                    throw Unacknowledged.problem(retryAfter);
                }
                return accepted.get(0);
            });
        }
        List<OprEvent> events = ((OprEventList) document).event();
        if (events.size() > maxBulkItems) {
            throw ApiProblem.tooManyItems(events.size(), "events", maxBulkItems);
        }
        for (int i = 0; i < events.size(); i++) {
            OmiIds.require(events.get(i).id(), ItemPointers.item(format, KIND, i) + "/id", "the event id");
        }
        metrics.bulk(events.size());
        return publish(server, events, traceparent, i -> ItemPointers.item(format, KIND, i)).map(accepted -> {
            if (accepted.isEmpty() && !events.isEmpty()) {
                throw Unacknowledged.problem(retryAfter);
            }
            return new OprEventList(accepted);
        });
    }

    /**
     * Publishes and returns the acknowledged events, each under its external id.
     *
     * @param pointers each event's place in the request, for a problem that names one
     */
    private Mono<List<OprEvent>> publish(String server, List<OprEvent> events, String traceparent,
                                         IntFunction<String> pointers) {
        Instant receivedAt = clock.instant();
        List<OprRecord> records = new ArrayList<>(events.size());
        for (OprEvent event : events) {
            records.add(OprRecord.ofEvent(server, ExternalIds.of(server, event.id()), receivedAt, event));
        }
        return publication.publish(records, traceparent)
                .onErrorMap(RecordTooLargeException.class, e -> ProblemMapper.itemTooLarge(e,
                        emptyToNull(pointers.apply(e.index()))))
                .doOnError(OverloadedException.class, e -> metrics.items(KIND, "rejected", "overloaded", events.size()))
                .map(acks -> {
                    List<OprEvent> accepted = new ArrayList<>(events.size());
                    for (int i = 0; i < acks.size(); i++) {
                        Acknowledgement ack = acks.get(i);
                        if (ack != null) {
                            accepted.add(events.get(i).withId(records.get(i).externalId()));
                        }
                    }
                    metrics.items(KIND, "accepted", "acknowledged", accepted.size());
                    metrics.items(KIND, "rejected", "not_acknowledged", events.size() - accepted.size());
                    return accepted;
                });
    }

    /** A JSON pointer to the whole document is "", which a problem leaves out. */
    private static String emptyToNull(String pointer) {
        return pointer.isEmpty() ? null : pointer;
    }
}
