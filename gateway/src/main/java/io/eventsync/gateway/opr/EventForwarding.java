package io.eventsync.gateway.opr;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.topic.ExternalIds;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.eventsync.gateway.opr.ListAnswers.Refusal;
import io.eventsync.gateway.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * {@code POST /event}: one event or a bulk. Each event is published under its OMi id with the
 * external id derived from (connected server, OMi id). A bulk is checked whole before any of it is
 * published: items that cannot be taken have OMi resend each item alone ({@link ListAnswers}); the
 * answer lists only what Kafka acknowledged, so what OMi is not told about it sends again, in a bulk
 * (the forwarding document's bulk rule) — also when Kafka took nothing or the gateway is overloaded.
 */
final class EventForwarding {

    private static final String KIND = "event";

    private final ItemPublication items;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final int maxBulkItems;

    EventForwarding(ItemPublication items, GatewayMetrics metrics, Clock clock, int maxBulkItems) {
        this.items = items;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBulkItems = maxBulkItems;
    }

    Mono<OmiAnswer> forward(String server, OprDocument document, OprFormat format, String traceparent) {
        if (document instanceof OprEvent event) {
            return forwardOne(server, event, format, traceparent);
        }
        return forwardBulk(server, ((OprEventList) document).event(), format, traceparent);
    }

    private Mono<OmiAnswer> forwardOne(String server, OprEvent event, OprFormat format, String traceparent) {
        String pointer = ItemPointers.single(format, KIND);
        OmiIds.require(event.id(), pointer + "/id", "the event id");
        OprRecord record = OprRecord.ofEvent(server, ExternalIds.of(server, event.id()), clock.instant(), event);
        return items.one(KIND, record, pointer, traceparent, event.withId(record.externalId()));
    }

    private Mono<OmiAnswer> forwardBulk(String server, List<OprEvent> events, OprFormat format, String traceparent) {
        metrics.bulk(events.size());
        if (events.size() > maxBulkItems) {
            metrics.items(KIND, "rejected", "resend_alone", events.size());
            throw ListAnswers.resendEachAlone(ApiProblem.tooManyItems(events.size(), "events", maxBulkItems));
        }
        Instant receivedAt = clock.instant();
        List<Refusal> refused = new ArrayList<>();
        List<OprRecord> records = new ArrayList<>(events.size());
        List<Integer> positions = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            OprEvent event = events.get(i);
            try {
                OmiIds.require(event.id(), ItemPointers.item(format, KIND, i) + "/id", "the event id");
            } catch (ApiProblem problem) {
                refused.add(new Refusal(i, event.sequenceNumber(), problem));
                continue;
            }
            records.add(OprRecord.ofEvent(server, ExternalIds.of(server, event.id()), receivedAt, event));
            positions.add(i);
        }
        ItemPublication.Bulk bulk = new ItemPublication.Bulk(KIND, "events", events.size(), records, positions,
                refused, i -> events.get(i).sequenceNumber(), i -> ItemPointers.item(format, KIND, i));
        return items.bulk(bulk, traceparent, acknowledged -> new OprEventList(acknowledged.stream()
                .map(k -> events.get(positions.get(k)).withId(records.get(k).externalId())).toList()));
    }
}
