package io.eventsync.sandbox.receiver;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * What goes wrong on purpose for requests whose path starts with one prefix ({@code /opr}, {@code /api/},
 * {@code /hooks/} ...), so a client's handling of it can be tested. Obtained from
 * {@link ReceiverSimulator#faults(String)} (or the OMi simulator's {@code faults(String)}).
 *
 * <p>Queued faults ({@code failNext}, {@code throttleNext}, {@code delayNext}, {@code dropNext}) apply in
 * the order they were asked for, one request each, before authentication and before the payload is
 * read: they stand for what a proxy or an overloaded server does. When none is queued the random failure
 * rate applies. A failed, throttled or dropped request changes nothing on the simulator; a delayed one is
 * processed after its delay, whether or not its client waited. Safe to call from any thread.
 */
public final class Faults {

    /** What a queued fault does to its request. */
    public enum Kind { FAIL, THROTTLE, DELAY, DROP }

    /** One fault taken for one request: its status for FAIL and THROTTLE, its duration for THROTTLE and DELAY. */
    public record Fault(Kind kind, int status, Duration duration) {
    }

    private static final class Queued<T> {
        final T fault;
        int remaining;

        Queued(T fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final String prefix;
    private final LongSupplier nextTokenSerial;
    private final Random random;
    private final Deque<Queued<Fault>> queue = new ArrayDeque<>();
    private final Deque<Queued<Integer>> partials = new ArrayDeque<>();
    private double randomRate;
    private int randomStatus;
    private Duration latency = Duration.ZERO;
    private long tokensValidFrom;

    Faults(String prefix, long seed, LongSupplier nextTokenSerial) {
        this.prefix = prefix;
        this.random = new Random(seed);
        this.nextTokenSerial = nextTokenSerial;
    }

    /** The path prefix these faults apply to. */
    public String prefix() {
        return prefix;
    }

    /** The next {@code count} requests are answered {@code status} (400-599) with a small problem body. */
    public synchronized Faults failNext(int count, int status) {
        requireStatus(status);
        return enqueue(count, new Fault(Kind.FAIL, status, Duration.ZERO));
    }

    /**
     * The next {@code count} requests are answered 429 with {@code Retry-After} (whole seconds, rounded
     * up). Under {@code /api/} and {@code /auth/} the answer is OpsRamp's: body
     * {@code {"error":"throttled",...}} and the {@code X-RateLimit-*} headers.
     */
    public synchronized Faults throttleNext(int count, Duration retryAfter) {
        requireNotNegative(retryAfter, "Retry-After");
        return enqueue(count, new Fault(Kind.THROTTLE, 429, retryAfter));
    }

    /**
     * The next {@code count} requests are processed and answered only after {@code delay} of real time.
     * A client that gives up first has still delivered: this is the lost-answer case.
     */
    public synchronized Faults delayNext(int count, Duration delay) {
        requireNotNegative(delay, "delay");
        return enqueue(count, new Fault(Kind.DELAY, 0, delay));
    }

    /**
     * The next {@code count} requests are read and then get no answer at all: the connection is closed
     * and nothing is processed. The JDK HttpClient silently resends a GET or HEAD once when that happens
     * (not a POST), so a GET needs {@code dropNext(2)} before its client sees an I/O error.
     */
    public synchronized Faults dropNext(int count) {
        return enqueue(count, new Fault(Kind.DROP, 0, Duration.ZERO));
    }

    /** Every request is answered this much later (real time), on top of any queued fault; zero for none. */
    public synchronized Faults latency(Duration value) {
        requireNotNegative(value, "latency");
        latency = value;
        return this;
    }

    /**
     * The next {@code count} OPR bulk answers ({@code POST /opr/event} with an {@code event_list},
     * {@code POST /opr/event_change/}) leave out their last {@code omit} items, and those items are not
     * accepted: seed 000 has OMi send them again in a later request. Only successful bulk requests use
     * this up.
     */
    public synchronized Faults partialNext(int count, int omit) {
        if (omit < 1) {
            throw new IllegalArgumentException("A partial answer leaves out at least one item, not " + omit);
        }
        requireCount(count);
        if (count > 0) {
            partials.addLast(new Queued<>(omit, count));
        }
        return this;
    }

    /**
     * From now on each request without a queued fault fails with {@code status} at this rate, decided by a
     * random sequence seeded from the settings, so a run can be repeated.
     */
    public synchronized Faults failRandomly(double rate, int status) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("The rate must be between 0 and 1, not " + rate);
        }
        requireStatus(status);
        randomRate = rate;
        randomStatus = status;
        return this;
    }

    /**
     * Every access token issued so far is refused as expired on paths under this prefix
     * ({@code 401}, {@code error="invalid_token"}); tokens issued afterwards work. Refresh tokens stay
     * valid, so a client can recover by refreshing.
     */
    public synchronized Faults expireTokens() {
        tokensValidFrom = nextTokenSerial.getAsLong();
        return this;
    }

    /** Forgets queued and partial faults, stops random failures and latency; expired tokens stay expired. */
    public synchronized void clear() {
        queue.clear();
        partials.clear();
        randomRate = 0;
        latency = Duration.ZERO;
    }

    /** How many queued and partial faults are still to be used. */
    public synchronized long pending() {
        return queue.stream().mapToLong(queued -> queued.remaining).sum()
                + partials.stream().mapToLong(queued -> queued.remaining).sum();
    }

    synchronized Optional<Fault> take() {
        Queued<Fault> head = queue.peekFirst();
        if (head != null) {
            if (--head.remaining == 0) {
                queue.removeFirst();
            }
            return Optional.of(head.fault);
        }
        if (randomRate > 0 && random.nextDouble() < randomRate) {
            return Optional.of(new Fault(Kind.FAIL, randomStatus, Duration.ZERO));
        }
        return Optional.empty();
    }

    synchronized OptionalInt takePartial() {
        Queued<Integer> head = partials.peekFirst();
        if (head == null) {
            return OptionalInt.empty();
        }
        if (--head.remaining == 0) {
            partials.removeFirst();
        }
        return OptionalInt.of(head.fault);
    }

    synchronized Duration latency() {
        return latency;
    }

    synchronized long tokensValidFrom() {
        return tokensValidFrom;
    }

    private Faults enqueue(int count, Fault fault) {
        requireCount(count);
        if (count > 0) {
            queue.addLast(new Queued<>(fault, count));
        }
        return this;
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("The count must not be negative, not " + count);
        }
    }

    private static void requireStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A failure status must be 400-599, not " + status);
        }
    }

    private static void requireNotNegative(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative()) {
            throw new IllegalArgumentException("The " + what + " must not be negative, not " + value);
        }
    }
}
