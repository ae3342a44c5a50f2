package io.eventsync.gateway.opr;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.topic.OprRecord;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.eventsync.gateway.opr.ListAnswers.Refusal;
import io.eventsync.gateway.problem.ProblemMapper;
import io.eventsync.gateway.publish.OprPublication;
import io.eventsync.gateway.publish.OverloadedException;
import io.eventsync.gateway.publish.RecordTooLargeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import reactor.core.publisher.Mono;

/**
 * Publishing what OMi forwarded, events and changes alike, with the answer OMi needs for what Kafka did:
 * one item gets its 413 or 503, a bulk is refused whole (501) when any item cannot be taken, and is
 * otherwise answered with the items Kafka acknowledged, the others left for OMi to resend in a bulk.
 */
final class ItemPublication {

    private final OprPublication publication;
    private final GatewayMetrics metrics;
    private final Duration retryAfter;

    ItemPublication(OprPublication publication, GatewayMetrics metrics, Duration retryAfter) {
        this.publication = publication;
        this.metrics = metrics;
        this.retryAfter = retryAfter;
    }

    /**
     * One item: a 413 when Kafka would refuse it for its size, a 503 when Kafka did not take it in time.
     *
     * @param pointer where the item is in the request, for the 413 ({@code ""}: the whole document)
     * @param answer what OMi is answered once Kafka took it
     */
    Mono<OmiAnswer> one(String kind, OprRecord record, String pointer, String traceparent, OprDocument answer) {
        OprPublication.Prepared prepared = publication.prepare(List.of(record), traceparent);
        if (!prepared.tooLarge().isEmpty()) {
            throw ProblemMapper.itemTooLarge(prepared.tooLarge().get(0), pointer.isEmpty() ? null : pointer);
        }
        return publication.publish(prepared)
                .doOnError(OverloadedException.class, e -> metrics.items(kind, "rejected", "overloaded", 1))
                .map(acks -> {
                    if (acks.get(0) == null) {
                        metrics.items(kind, "rejected", "not_acknowledged", 1);
                        throw Unacknowledged.problem(retryAfter);
                    }
                    metrics.items(kind, "accepted", "acknowledged", 1);
                    return new OmiAnswer(answer, true);
                });
    }

    /** A bulk's records, and what is known about its items so far. */
    record Bulk(String kind, String items, int size, List<OprRecord> records, List<Integer> positions,
                List<Refusal> refused, IntFunction<Long> sequenceNumbers, IntFunction<String> pointers) {
    }

    /**
     * Refuses the bulk with a 501 naming every item that cannot be taken (those already refused, and those
     * Kafka would refuse for their size), or publishes it whole.
     *
     * @param answer the list document of the records Kafka acknowledged, given their places in {@code records}
     */
    Mono<OmiAnswer> bulk(Bulk bulk, String traceparent, Function<List<Integer>, OprDocument> answer) {
        OprPublication.Prepared prepared = publication.prepare(bulk.records(), traceparent);
        List<Refusal> refused = new ArrayList<>(bulk.refused());
        for (RecordTooLargeException tooLarge : prepared.tooLarge()) {
            int index = bulk.positions().get(tooLarge.index());
            refused.add(new Refusal(index, bulk.sequenceNumbers().apply(index),
                    ProblemMapper.itemTooLarge(tooLarge.at(index), bulk.pointers().apply(index))));
        }
        if (!refused.isEmpty()) {
            metrics.items(bulk.kind(), "rejected", "resend_alone", bulk.size());
            refused.sort(Comparator.comparingInt(Refusal::index));
            throw ListAnswers.resendEachAlone(bulk.items(), bulk.size(), refused);
        }
        return publication.publish(prepared)
                .map(acks -> {
                    List<Integer> acknowledged = new ArrayList<>(acks.size());
                    for (int i = 0; i < acks.size(); i++) {
                        if (acks.get(i) != null) {
                            acknowledged.add(i);
                        }
                    }
                    metrics.items(bulk.kind(), "accepted", "acknowledged", acknowledged.size());
                    metrics.items(bulk.kind(), "rejected", "not_acknowledged", acks.size() - acknowledged.size());
                    return new OmiAnswer(answer.apply(acknowledged), acknowledged.size() == bulk.size());
                })
                .onErrorResume(OverloadedException.class, e -> {
                    metrics.items(bulk.kind(), "rejected", "overloaded", bulk.records().size());
                    return Mono.just(new OmiAnswer(answer.apply(List.of()), false));
                });
    }
}
