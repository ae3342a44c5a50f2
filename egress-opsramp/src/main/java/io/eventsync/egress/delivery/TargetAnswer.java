package io.eventsync.egress.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What a target answered to one request, as far as the forwarding rules care.
 *
 * @param status the HTTP status, or 0 when there was no answer (timeout, connection refused or dropped)
 * @param answered the sequence numbers the answer listed (bulk OPR answers); empty otherwise
 * @param retryAfter the target's Retry-After, when it gave one
 * @param excerpt the start of the answer's body, for dead letters; never a credential
 */
public record TargetAnswer(int status, Set<Long> answered, Optional<Duration> retryAfter, String excerpt) {

    public TargetAnswer {
        answered = Set.copyOf(answered);
        excerpt = excerpt == null ? "" : excerpt;
    }

    public static TargetAnswer noAnswer(String why) {
        return new TargetAnswer(0, Set.of(), Optional.empty(), why);
    }

    public boolean success() {
        return status >= 200 && status < 300;
    }
}
