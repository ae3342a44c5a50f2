package io.eventsync.gateway.publish;

import io.eventsync.contracts.syncback.SyncBackChange;
import io.eventsync.contracts.syncback.SyncBackSerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Puts third parties' changes on {@code opr.sync-back}, keyed by external id so that one event's
 * changes stay in order, through the same producer, in-flight bound and deadline as OMi's
 * forwards.
 */
public final class SyncBackPublication {

    /** The authenticated sync-back client that posted the change. Gateway-specific, so not in contracts. */
    public static final String SYNC_BACK_CLIENT = "eventsync-sync-back-client";
    static final String SOURCE = "sync-back";

    /** A change to publish, and the connected server that forwarded its event (from the read model). */
    public record Item(SyncBackChange change, String connectedServer) {
    }

    private final BoundedPublisher publisher;
    private final String topic;
    private final SyncBackSerde values;

    SyncBackPublication(BoundedPublisher publisher, String topic, SyncBackSerde values) {
        this.publisher = publisher;
        this.topic = topic;
        this.values = values;
    }

    /** Publishes the changes; the answer lists, in order, each one's acknowledgement or {@code null}. */
    public Mono<List<Acknowledgement>> publish(List<Item> items, String client, Instant receivedAt,
                                               String traceparent) {
        List<OutgoingRecord> outgoing = new ArrayList<>(items.size());
        for (Item item : items) {
            SyncBackChange change = item.change();
            Map<String, String> headers = EnvelopeHeaders.of(SyncBackChange.SCHEMA, SyncBackChange.KIND, SOURCE,
                    item.connectedServer(), change.externalId(), receivedAt, traceparent);
            headers.put(SYNC_BACK_CLIENT, client);
            outgoing.add(new OutgoingRecord(topic, change.externalId(), values.write(change), headers));
        }
        return publisher.publish(outgoing);
    }
}
