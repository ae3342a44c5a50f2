package io.eventsync.egress.delivery;

import java.time.Duration;
import java.util.List;

/** What becomes of the items of one request, by seed 000's forwarding rules. */
public sealed interface Verdict {

    /**
     * 2xx: {@code delivered} were answered (or the request was not a bulk one); {@code unanswered}
     * go into the next batch.
     */
    record Delivered(List<Long> delivered, List<Long> unanswered) implements Verdict {
    }

    /** 5xx on a bulk request: each item is retried alone, as a non-bulk request. */
    record Split(List<Long> items) implements Verdict {
    }

    /** 5xx on a single item, a timeout or a connection error: the same request again, after {@code after}. */
    record Retry(List<Long> items, Duration after) implements Verdict {
    }

    /** 429: the same request again, not sooner than {@code after}; does not count as a failed attempt. */
    record Throttled(List<Long> items, Duration after) implements Verdict {
    }

    /** 4xx, or retries exhausted: every item to the dead-letter topic, not retried. */
    record DeadLetter(List<Long> items, int status, String reason) implements Verdict {
    }
}
