package io.eventsync.egress.delivery;

import java.time.Duration;
import java.util.List;

/**
 * Seed 000's rules for what OMi does with a target's answer, applied by egress to every target:
 * <ul>
 *   <li>2xx: items returned with their {@code sequence_number} are delivered; items not returned are
 *       retried in a subsequent request (for a non-bulk request, the 2xx delivers it);</li>
 *   <li>5xx: each item of a bulk request is retried individually as a non-bulk request; a non-bulk
 *       request is retried with backoff, for {@code retryFor} and at least {@code maxAttempts} times,
 *       then dead-lettered;</li>
 *   <li>4xx: every item of the request is failed (dead-lettered), no retry;</li>
 *   <li>429 (which the seed does not name, and which is no rejection): waited out, Retry-After
 *       honoured;</li>
 *   <li>no answer (timeout, connection error): retryable, like a 5xx on the same request.</li>
 * </ul>
 * A target that is down for a while (a restart, a deployment) must not send what it would have taken
 * to the dead-letter topic, as attempts alone (a few seconds of backoff) would: retrying stops only
 * once both the attempts and the time are spent.
 */
public final class ForwardingRules {

    private final Backoff backoff;
    private final int maxAttempts;
    private final Duration retryFor;
    private final int splitConcurrency;

    /**
     * @param maxAttempts the fewest tries of one request that fails retryably before its items are dead-lettered
     * @param retryFor the least time a request that fails retryably is retried for, from its first try
     * @param splitConcurrency how many keys of a split bulk are retried side by side (each key's items in order)
     */
    public ForwardingRules(Backoff backoff, int maxAttempts, Duration retryFor, int splitConcurrency) {
        if (maxAttempts < 1 || splitConcurrency < 1 || retryFor.isNegative()) {
            throw new IllegalArgumentException("need maxAttempts >= 1, splitConcurrency >= 1, retryFor >= 0");
        }
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.retryFor = retryFor;
        this.splitConcurrency = splitConcurrency;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public int splitConcurrency() {
        return splitConcurrency;
    }

    /**
     * @param items the sequence numbers sent, in order
     * @param bulk whether they went as one bulk request (the target answers which it took)
     * @param attempt 1 for the first try of this request
     * @param retrying how long ago this request was first tried
     */
    public Verdict judge(List<Long> items, boolean bulk, int attempt, Duration retrying, TargetAnswer answer) {
        if (answer.success()) {
            if (!bulk) {
                return new Verdict.Delivered(items, List.of());
            }
            List<Long> delivered = items.stream().filter(answer.answered()::contains).toList();
            List<Long> unanswered = items.stream().filter(item -> !answer.answered().contains(item)).toList();
            return new Verdict.Delivered(delivered, unanswered);
        }
        if (answer.status() == 429) {
            return new Verdict.Throttled(items, answer.retryAfter().orElseGet(() -> backoff.delay(attempt)));
        }
        if (answer.status() >= 400 && answer.status() < 500) {
            return new Verdict.DeadLetter(items, answer.status(), "the target refused the request (HTTP "
                    + answer.status() + "): " + answer.excerpt());
        }
        if (answer.status() >= 500 && bulk && items.size() > 1) {
            return new Verdict.Split(items);
        }
        if (attempt >= maxAttempts && retrying.compareTo(retryFor) >= 0) {
            return new Verdict.DeadLetter(items, answer.status(), "gave up after " + attempt + " attempts in "
                    + retrying.toSeconds() + " s; last: "
                    + (answer.status() == 0 ? "no answer (" + answer.excerpt() + ")" : "HTTP " + answer.status()));
        }
        Duration wait = answer.retryAfter().filter(after -> answer.status() == 503)
                .map(after -> max(after, backoff.delay(attempt))).orElseGet(() -> backoff.delay(attempt));
        return new Verdict.Retry(items, wait);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
