package io.eventsync.contracts.topic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import java.time.Instant;
import java.util.Objects;

/**
 * The value of an {@code opr.events} record: one event or one event change exactly as OMi sent
 * it, with who sent it and the ids on both sides. Schema {@value #SCHEMA}: a change record also
 * carries the event as it stands after the change, so that a subscriber (and egress's filters) sees
 * whole events without replaying the topic; v1 change records carried the change alone.
 *
 * @param schema always {@value #SCHEMA} for this version
 * @param kind event or event change
 * @param connectedServer the authenticated OMi connected server
 * @param omiEventId the event's id in OMi (also the record key)
 * @param externalId the id eventsync answered to OMi for this event
 * @param receivedAt when the gateway received the request
 * @param event for {@link OprRecordKind#EVENT} the event as OMi sent it; for
 *     {@link OprRecordKind#EVENT_CHANGE} the event as it stands after the change (OMi's id), absent on
 *     v1 records
 * @param eventChange the change, for {@link OprRecordKind#EVENT_CHANGE}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OprRecord(
        @JsonProperty("schema") String schema,
        @JsonProperty("kind") OprRecordKind kind,
        @JsonProperty("connected_server") String connectedServer,
        @JsonProperty("omi_event_id") String omiEventId,
        @JsonProperty("external_id") String externalId,
        @JsonProperty("received_at") Instant receivedAt,
        @JsonProperty("event") OprEvent event,
        @JsonProperty("event_change") OprEventChange eventChange) {

    public static final String SCHEMA = "eventsync.opr-record/v2";
    /** The schema before change records carried the event after the change; still read. */
    public static final String SCHEMA_V1 = "eventsync.opr-record/v1";

    public OprRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(omiEventId, "omiEventId");
    }

    public static OprRecord ofEvent(String connectedServer, String externalId, Instant receivedAt, OprEvent event) {
        return new OprRecord(SCHEMA, OprRecordKind.EVENT, connectedServer, event.id(), externalId, receivedAt,
                event, null);
    }

    /**
     * A change as OMi sent it, with {@code eventAfter}, the event as it stands once the change is
     * applied.
     */
    public static OprRecord ofChange(String connectedServer, String omiEventId, String externalId,
                                     Instant receivedAt, OprEventChange change, OprEvent eventAfter) {
        return new OprRecord(SCHEMA, OprRecordKind.EVENT_CHANGE, connectedServer, omiEventId, externalId,
                receivedAt, eventAfter, change);
    }
}
