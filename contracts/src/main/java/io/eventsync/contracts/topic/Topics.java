package io.eventsync.contracts.topic;

/** Names of the Kafka topics eventsync owns. Part of the public contract (docs/topics.md). */
public final class Topics {

    /** Events and event changes forwarded by OMi, keyed by OMi event id. */
    public static final String OPR_EVENTS = "opr.events";

    /**
     * Compacted: every OMi event as it stands now (as forwarded, with every change applied), keyed by
     * external id; the gateway's read model on every replica is built from it.
     */
    public static final String OPR_EVENT_STATE = "opr.event-state";

    /** Oracle Field Service events as OFSC sent them, keyed by the entity they are about. */
    public static final String OFSC_EVENTS = "ofsc.events";

    /** Third parties' changes to events OMi forwarded, keyed by external id, to be synchronized back to OMi. */
    public static final String OPR_SYNC_BACK = "opr.sync-back";

    /** Compacted: where ingest stands on each OFSC subscription, keyed by subscription id. */
    public static final String OFSC_CHECKPOINTS = "ofsc.checkpoints";

    /** Compacted: egress routes (OpsRamp integration events), keyed by tenant/integration/id, secrets sealed. */
    public static final String EGRESS_ROUTES = "egress.routes";

    /** Records a route gave up on, with why in headers; replayable after a fix. */
    public static final String EGRESS_DLQ = "egress.dlq";

    /** Dead letters sent back to one route (header {@code eventsync-replay-route}), read by every route. */
    public static final String EGRESS_REPLAY = "egress.replay";

    private Topics() {
    }
}
