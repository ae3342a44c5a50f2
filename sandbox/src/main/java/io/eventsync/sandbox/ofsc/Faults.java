package io.eventsync.sandbox.ofsc;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Failures the simulator injects into {@code GET /rest/ofscCore/v1/events}, so a poller's handling of
 * them can be tested. Queued faults apply in the order they were asked for, one request each, to
 * authenticated requests (an unauthenticated probe does not use one up); when none is queued, the
 * random failure rate applies. A request that meets a fault never moves its subscription's
 * {@code lastRequested} nor refreshes its idle timer. Safe to call from any thread.
 */
public final class Faults {

    enum Kind { FAIL, THROTTLE, DELAY, DROP }

    record Fault(Kind kind, int status, Duration duration) {
    }

    private static final class Queued {
        final Fault fault;
        int remaining;

        Queued(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Queued> queue = new ArrayDeque<>();
    private final Random random;
    private double randomProbability;
    private int randomStatus;

    Faults(long seed) {
        this.random = new Random(seed);
    }

    /** The next {@code count} requests are answered {@code status} (400-599) with a problem body. */
    public synchronized void failNext(int count, int status) {
        requireStatus(status);
        enqueue(count, new Fault(Kind.FAIL, status, Duration.ZERO));
    }

    /** The next {@code count} requests are answered 429 with {@code Retry-After} (whole seconds, rounded up). */
    public synchronized void throttleNext(int count, Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative, not " + retryAfter);
        }
        enqueue(count, new Fault(Kind.THROTTLE, 429, retryAfter));
    }

    /**
     * The next {@code count} requests are answered only after {@code delay} (of real time: this is for
     * client timeouts). The answer is the page the request asked for, read without side effects.
     */
    public synchronized void delayNext(int count, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("The delay must not be negative, not " + delay);
        }
        enqueue(count, new Fault(Kind.DELAY, 200, delay));
    }

    /** The next {@code count} requests get no answer at all: the connection is closed. */
    public synchronized void dropNext(int count) {
        enqueue(count, new Fault(Kind.DROP, 0, Duration.ZERO));
    }

    /** From now on, each request without a queued fault fails with {@code status} at this probability. */
    public synchronized void failRandomly(double probability, int status) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("The probability must be between 0 and 1, not " + probability);
        }
        requireStatus(status);
        randomProbability = probability;
        randomStatus = status;
    }

    /** Forgets every queued fault and stops random failures. */
    public synchronized void clear() {
        queue.clear();
        randomProbability = 0;
    }

    /** How many queued faults are still to be used. */
    public synchronized long pending() {
        return queue.stream().mapToLong(queued -> queued.remaining).sum();
    }

    /** The fault for the request at hand, using it up. */
    synchronized Optional<Fault> take() {
        Queued head = queue.peekFirst();
        if (head != null) {
            if (--head.remaining == 0) {
                queue.removeFirst();
            }
            return Optional.of(head.fault);
        }
        if (randomProbability > 0 && random.nextDouble() < randomProbability) {
            return Optional.of(new Fault(Kind.FAIL, randomStatus, Duration.ZERO));
        }
        return Optional.empty();
    }

    private void enqueue(int count, Fault fault) {
        if (count < 0) {
            throw new IllegalArgumentException("The count must not be negative, not " + count);
        }
        if (count > 0) {
            queue.addLast(new Queued(fault, count));
        }
    }

    private static void requireStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A failure status must be 400-599, not " + status);
        }
    }
}
