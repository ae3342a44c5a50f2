package io.eventsync.ingest.poll;

import java.time.Duration;

/**
 * How long to wait before the next page (seed 003: "a few seconds for subscriptions with big amount
 * of events or a few minutes for subscriptions with rare events"). A full page means more is
 * waiting: no wait. A partial page: the busy interval. Each empty page in a row doubles the wait,
 * up to the quiet interval; any event resets it.
 */
final class PollPlan {

    private final Duration busy;
    private final Duration quiet;
    private Duration nextEmptyWait;

    PollPlan(Duration busy, Duration quiet) {
        this.busy = busy;
        this.quiet = quiet;
        this.nextEmptyWait = busy;
    }

    Duration afterPage(int received, int limit) {
        if (received >= limit) {
            nextEmptyWait = busy;
            return Duration.ZERO;
        }
        if (received > 0) {
            nextEmptyWait = busy;
            return busy;
        }
        Duration wait = nextEmptyWait;
        Duration doubled = nextEmptyWait.multipliedBy(2);
        nextEmptyWait = doubled.compareTo(quiet) > 0 ? quiet : doubled;
        return wait;
    }
}
