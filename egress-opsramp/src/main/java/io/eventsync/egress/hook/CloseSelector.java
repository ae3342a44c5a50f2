package io.eventsync.egress.hook;

import io.eventsync.contracts.syncback.SyncBackChange;
import io.eventsync.contracts.syncback.SyncBackSerde;
import io.eventsync.egress.delivery.RecordSelector;
import io.eventsync.egress.delivery.Selection;
import io.eventsync.egress.delivery.SourceRecord;
import io.eventsync.egress.syncback.ForwardedEvents;
import org.apache.kafka.common.errors.SerializationException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which records close an event, for the hook's {@code Close <external id>}: on {@code opr.events},
 * an event forwarded as closed or a change whose state becomes closed (from OMi); on
 * {@code opr.sync-back}, a change that closes an event OMi forwarded (from a third party). Every
 * other record is passed.
 */
final class CloseSelector implements RecordSelector<String> {

    private static final String CLOSED = "closed";

    private final String syncBackTopic;
    private final ForwardedEvents forwarded;
    private final SyncBackSerde serde;
    private final JsonMapper json;

    CloseSelector(String syncBackTopic, ForwardedEvents forwarded, SyncBackSerde serde, JsonMapper json) {
        this.syncBackTopic = syncBackTopic;
        this.forwarded = forwarded;
        this.serde = serde;
        this.json = json;
    }

    @Override
    public Mono<Selection<String>> select(SourceRecord record) {
        if (record.value() == null) {
            return Mono.just(Selection.pass());
        }
        return record.topic().equals(syncBackTopic) ? fromThirdParty(record) : Mono.just(fromOmi(record));
    }

    private Selection<String> fromOmi(SourceRecord record) {
        JsonNode value;
        try {
            value = json.readTree(record.value());
        } catch (JacksonException e) {
            return Selection.pass();
        }
        String externalId = value.path("external_id").asString("");
        boolean closes = switch (value.path("kind").asString("")) {
            case "event" -> CLOSED.equals(value.path("event").path("state").asString(""));
            case "event_change" -> closesState(value.path("event_change").path("changed_properties")
                    .path("state_property_change"));
            default -> false;
        };
        return closes && !externalId.isEmpty() ? Selection.deliver(externalId, externalId) : Selection.pass();
    }

    /** One {@code state_property_change}, or several (an array) of which the last counts. */
    private static boolean closesState(JsonNode change) {
        JsonNode last = change.isArray() && !change.isEmpty() ? change.get(change.size() - 1) : change;
        return CLOSED.equals(last.path("current_value").asString(""));
    }

    private Mono<Selection<String>> fromThirdParty(SourceRecord record) {
        SyncBackChange change;
        try {
            change = serde.read(record.value());
        } catch (SerializationException e) {
            return Mono.just(Selection.pass());
        }
        if (change.changes() == null || !change.changes().closes()) {
            return Mono.just(Selection.pass());
        }
        // Only an event OMi forwarded can be closed through sync-back; anything else is refused there.
        return forwarded.find(change.externalId()).map(event -> event.isPresent()
                ? Selection.deliver(change.externalId(), change.externalId()) : Selection.pass());
    }
}
