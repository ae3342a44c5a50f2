package io.eventsync.ingest.poll;

import io.eventsync.contracts.ofsc.OfscCheckpoint;
import java.time.Instant;
import java.util.List;

/**
 * Where a poller stands: what it committed last, plus whether it is inside a {@code since}
 * recovery (the first second it re-reads must not produce what it already has).
 *
 * @param nextPage the marker to fetch next
 * @param lastEventTime newest event time produced (OFSC format), or null
 * @param lastSecondFingerprints fingerprints of the produced events at {@code lastEventTime}
 * @param eventsProduced events produced so far for this subscription
 * @param committedAt when the checkpoint was written, or null if none yet
 * @param recovering the marker came from a {@code since} call and that second is not passed yet
 * @param fromSince the marker came from a {@code since} call and no page was read with it yet
 */
record PollPosition(String nextPage, String lastEventTime, List<String> lastSecondFingerprints,
                    long eventsProduced, Instant committedAt, boolean recovering, boolean fromSince) {

    static final String LAST_REQUESTED = "lastRequested";

    PollPosition {
        lastSecondFingerprints = List.copyOf(lastSecondFingerprints);
    }

    static PollPosition startingAt(String marker) {
        return new PollPosition(marker, null, List.of(), 0, null, false, false);
    }

    static PollPosition of(OfscCheckpoint checkpoint) {
        return new PollPosition(checkpoint.nextPage(), checkpoint.lastEventTime(),
                checkpoint.lastSecondFingerprints(), checkpoint.eventsProduced(), checkpoint.committedAt(), false,
                false);
    }

    PollPosition recoveringAt(String marker) {
        return new PollPosition(marker, lastEventTime, lastSecondFingerprints, eventsProduced, committedAt,
                lastEventTime != null, true);
    }
}
