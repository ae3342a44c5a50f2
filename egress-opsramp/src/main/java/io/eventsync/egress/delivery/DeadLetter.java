package io.eventsync.egress.delivery;

/**
 * A record a route gave up on, and why.
 *
 * @param status the target's HTTP status, 0 for no answer, -1 when no request was made
 */
public record DeadLetter(SourceRecord record, String route, String target, int status, String reason, int attempts) {
}
