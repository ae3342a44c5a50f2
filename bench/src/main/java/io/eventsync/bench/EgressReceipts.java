package io.eventsync.bench;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.sandbox.receiver.ReceiverSimulator;
import io.eventsync.sandbox.receiver.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the receiver simulator got during one drain, read incrementally: each poll looks only at what
 * arrived since the last one. Distinct events are told apart by their sequence; the batch cycle is, per
 * partition, the time between two consecutive requests carrying its events (egress has one request in
 * flight per partition, so that is request, answer, egress's bookkeeping and the next request).
 */
final class EgressReceipts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReceiverSimulator receiver;
    private final EgressVariant variant;
    private final EgressEventIds ids;
    private final BitSet seen = new BitSet();
    private final Instant[] lastOnPartition;
    private final Histogram cycleMicros = new Histogram(3);
    private RecordedRequest lastRequest;
    private int eventsRead;
    private Instant firstArrival;
    private long received;
    private long distinct;
    private long requests;
    private long failedRequests;

    EgressReceipts(ReceiverSimulator receiver, EgressVariant variant, EgressEventIds ids) {
        this.receiver = receiver;
        this.variant = variant;
        this.ids = ids;
        this.lastOnPartition = new Instant[ids.partitions()];
    }

    /** Reads what arrived since the last poll; answers how many distinct events were new. */
    long poll() {
        long before = distinct;
        for (RecordedRequest request : newRequests()) {
            requests++;
            if (firstArrival == null) {
                firstArrival = request.time();
            }
            boolean taken = request.status() >= 200 && request.status() < 300;
            if (!taken) {
                failedRequests++;
            }
            byte[] body = request.body();
            cycle(ids.firstSequenceIn(body), request.time());
            if (taken && variant.target() == EgressVariant.Target.WEBHOOK) {
                JsonNode items = JSON.readTree(body);
                for (JsonNode item : items.isArray() ? items : JSON.createArrayNode().add(items)) {
                    count(ids.sequenceOf(item.path("id").asString(null)));
                }
            }
        }
        if (variant.target() == EgressVariant.Target.OPR) {
            // The simulator parsed the bulks already; its list of accepted events only grows.
            List<OprEvent> events = receiver.eventsReceived();
            for (int i = eventsRead; i < events.size(); i++) {
                count(ids.sequenceOf(events.get(i).id()));
            }
            eventsRead = events.size();
        }
        return distinct - before;
    }

    /**
     * The requests after the last one read. The log keeps only the newest {@code RequestLog.CAPACITY}, so
     * the last one read is found by identity from the end; polls come far more often than that many
     * requests do.
     */
    private List<RecordedRequest> newRequests() {
        List<RecordedRequest> log = receiver.requestsTo(variant.path());
        if (lastRequest == null) {
            lastRequest = log.isEmpty() ? null : log.get(log.size() - 1);
            return log;
        }
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i) == lastRequest) {
                lastRequest = log.get(log.size() - 1);
                return log.subList(i + 1, log.size());
            }
        }
        throw new IllegalStateException("More requests arrived between two polls than the receiver's log keeps;"
                + " the count would be wrong");
    }

    private void cycle(int sequence, Instant arrived) {
        if (sequence < 0) {
            return;
        }
        int partition = ids.partitionOf(sequence);
        Instant previous = lastOnPartition[partition];
        if (previous != null) {
            cycleMicros.recordValue(Math.max(0, Duration.between(previous, arrived).toNanos() / 1000));
        }
        lastOnPartition[partition] = arrived;
    }

    private void count(int sequence) {
        if (sequence < 0) {
            return;
        }
        received++;
        if (!seen.get(sequence)) {
            seen.set(sequence);
            distinct++;
        }
    }

    Instant firstArrival() {
        return firstArrival;
    }

    long received() {
        return received;
    }

    /** The sequences received at least once. */
    BitSet seen() {
        return seen;
    }

    long distinct() {
        return distinct;
    }

    long requests() {
        return requests;
    }

    long failedRequests() {
        return failedRequests;
    }

    Histogram cycleMicros() {
        return cycleMicros;
    }
}
