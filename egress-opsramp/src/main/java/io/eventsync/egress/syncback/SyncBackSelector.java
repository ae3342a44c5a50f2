package io.eventsync.egress.syncback;

import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.syncback.SyncBackChange;
import io.eventsync.contracts.syncback.SyncBackEventChanges;
import io.eventsync.contracts.syncback.SyncBackSerde;
import io.eventsync.egress.config.SyncBackClientProperties;
import io.eventsync.egress.delivery.RecordSelector;
import io.eventsync.egress.delivery.Selection;
import io.eventsync.egress.delivery.SourceRecord;
import io.eventsync.egress.syncback.ForwardedEvents.Forwarded;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import reactor.core.publisher.Mono;

/**
 * Which sync-back changes may go to OMi, and as what. Refused (dead-lettered, never sent): a value
 * that is not a sync-back change, one that changes nothing, one for an event OMi never forwarded
 * (seed 001: a connected server may only synchronize back events first forwarded to it), and one
 * for a connected server egress has no credentials for.
 */
public final class SyncBackSelector implements RecordSelector<SyncBackItem> {

    private final ForwardedEvents forwarded;
    private final SyncBackClientProperties properties;
    private final SyncBackSerde serde;
    private final SyncBackEventChanges changes;
    private final OprCodec codec;

    public SyncBackSelector(ForwardedEvents forwarded, SyncBackClientProperties properties, OprCodec codec) {
        this.forwarded = forwarded;
        this.properties = properties;
        this.codec = codec;
        this.serde = new SyncBackSerde(codec);
        this.changes = new SyncBackEventChanges(codec);
    }

    @Override
    public Mono<Selection<SyncBackItem>> select(SourceRecord record) {
        SyncBackChange change;
        try {
            change = record.value() == null ? null : serde.read(record.value());
        } catch (SerializationException e) {
            return Mono.just(Selection.refuse(e.getMessage()));
        }
        if (change == null) {
            return Mono.just(Selection.refuse("no value: not a " + SyncBackChange.SCHEMA + " change"));
        }
        if (change.changes() == null || change.changes().isEmpty()) {
            return Mono.just(Selection.refuse("the change for " + change.externalId() + " changes nothing"));
        }
        return forwarded.find(change.externalId()).map(event -> event
                .map(known -> toOmi(change, known))
                .orElseGet(() -> Selection.refuse("no event with external id " + change.externalId()
                        + " was forwarded by OMi: only forwarded events can be synchronized back")));
    }

    private Selection<SyncBackItem> toOmi(SyncBackChange change, Forwarded event) {
        if (properties.connectedServer(event.connectedServer()).isEmpty()) {
            return Selection.refuse("event " + event.externalId() + " was forwarded by connected server '"
                    + event.connectedServer() + "', which has no sync-back credentials configured");
        }
        SyncBackChange identified = change.changeId() == null ? new SyncBackChange(change.schema(),
                change.externalId(), UUID.randomUUID().toString(), change.changes(), change.changedAt(),
                change.origin()) : change;
        var eventChange = changes.toEventChange(identified, event.omiEventId());
        return Selection.deliver(new SyncBackItem(event, eventChange), codec.writeString(eventChange, OprFormat.XML));
    }
}
