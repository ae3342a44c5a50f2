package io.eventsync.contracts.topic;

/**
 * Header names every eventsync record carries. Values are UTF-8 text. Part of the public
 * contract (docs/topics.md): a subscriber may route on them without parsing the value.
 */
public final class RecordHeaderNames {

    /** Media type of the value: {@code application/json}. */
    public static final String CONTENT_TYPE = "content-type";
    /** Value schema and version, e.g. {@code eventsync.opr-record/v1}. */
    public static final String SCHEMA = "eventsync-schema";
    /** What the value is: {@code event} or {@code event_change}. */
    public static final String KIND = "eventsync-kind";
    /** Which system the record came from: {@code omi}, {@code ofsc}, ... */
    public static final String SOURCE = "eventsync-source";
    /** The OMi connected server (authenticated name) that sent it. */
    public static final String CONNECTED_SERVER = "eventsync-connected-server";
    /** The event's id on the eventsync side, as answered to OMi. */
    public static final String EXTERNAL_ID = "eventsync-external-id";
    /** When eventsync received it (the gateway's request, the poller's page), ISO-8601 UTC. */
    public static final String RECEIVED_AT = "eventsync-received-at";
    /** OMi event records: the event's {@code state} as forwarded ({@code open}, {@code closed}, ...), when it had one. */
    public static final String OPR_STATE = "eventsync-opr-state";
    /** W3C trace context of the request that carried the item, when it had one. */
    public static final String TRACEPARENT = "traceparent";

    /** OFSC: the subscription the event was read from. */
    public static final String OFSC_SUBSCRIPTION = "eventsync-ofsc-subscription";
    /** OFSC: the event's {@code eventType}. */
    public static final String OFSC_EVENT_TYPE = "eventsync-ofsc-event-type";
    /** OFSC: the event's {@code time}, as ISO-8601 UTC. */
    public static final String OFSC_EVENT_TIME = "eventsync-ofsc-event-time";
    /** OFSC: the page marker the event was fetched with. */
    public static final String OFSC_PAGE = "eventsync-ofsc-page";
    /** OFSC: the instance the event came from (its name, as in {@code client@instance}). */
    public static final String OFSC_INSTANCE = "eventsync-ofsc-instance";

    private RecordHeaderNames() {
    }
}
