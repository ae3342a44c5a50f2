package io.eventsync.contracts.topic;

/** Names of the Kafka topics eventsync owns. Part of the public contract (docs/topics.md). */
public final class Topics {

    /** Events and event changes forwarded by OMi, keyed by OMi event id. */
    public static final String OPR_EVENTS = "opr.events";

    private Topics() {
    }
}
