package io.eventsync.egress.delivery;

import java.util.function.Predicate;

/**
 * Dead letters sent back to a route (by the replay command) arrive on the replay topic, which every
 * route reads: each route delivers those that name it and acknowledges the rest as they pass.
 */
public final class ReplayedRecords {

    /** The one route that delivers a replayed record. */
    public static final String ROUTE = "eventsync-replay-route";

    /** Where the dead letter was ({@code egress.dlq-<partition>@<offset>}), so a replay can be traced back. */
    public static final String OF = "eventsync-replay-of";

    private ReplayedRecords() {
    }

    /** Keeps what route {@code routeId} should see; a replayed record meant for another route is acknowledged. */
    public static Predicate<SourceRecord> forRoute(String replayTopic, String routeId) {
        return record -> {
            if (!record.topic().equals(replayTopic) || routeId.equals(record.headers().get(ROUTE))) {
                return true;
            }
            record.acknowledge().run();
            return false;
        };
    }
}
