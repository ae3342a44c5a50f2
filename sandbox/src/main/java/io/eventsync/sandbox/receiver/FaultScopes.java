package io.eventsync.sandbox.receiver;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Every {@link Faults} scope asked for, and which of them a request meets. Scopes may nest
 * ({@code /opr} and {@code /opr/event_change}): for queued, random and partial faults the most specific
 * scope with something to inject decides; latencies add up; a token is expired if any matching scope
 * expired it.
 *
 * <p>Public so that the other simulators of the sandbox ({@code io.eventsync.sandbox.omi}) inject faults the
 * same way; {@code nextTokenSerial} may be a constant where no tokens are issued.
 */
public final class FaultScopes {

    private static final Faults.Fault DROPPED = new Faults.Fault(Faults.Kind.DROP, 0, Duration.ZERO);

    private final Map<String, Faults> scopes = new ConcurrentHashMap<>();
    private final long seed;
    private final LongSupplier nextTokenSerial;

    public FaultScopes(long seed, LongSupplier nextTokenSerial) {
        this.seed = seed;
        this.nextTokenSerial = nextTokenSerial;
    }

    public Faults scope(String prefix) {
        if (prefix == null || !prefix.startsWith("/")) {
            throw new IllegalArgumentException("A fault scope is a path prefix starting with '/', not " + prefix);
        }
        return scopes.computeIfAbsent(prefix, p -> new Faults(p, seed, nextTokenSerial));
    }

    Duration latency(String path) {
        return matching(path).stream().map(Faults::latency).reduce(Duration.ZERO, Duration::plus);
    }

    Optional<Faults.Fault> take(String path) {
        for (Faults faults : matching(path)) {
            Optional<Faults.Fault> fault = faults.take();
            if (fault.isPresent()) {
                return fault;
            }
        }
        return Optional.empty();
    }

    /**
     * What a request on this path meets before it is served: waits out the latencies and a delay fault,
     * then answers the fault that decides its fate instead, FAIL, THROTTLE or DROP (DROP also when a wait
     * was interrupted, which means the simulator is closing); empty when it is to be served.
     */
    public Optional<Faults.Fault> meet(String path) {
        if (!pause(latency(path))) {
            return Optional.of(DROPPED);
        }
        Optional<Faults.Fault> fault = take(path);
        if (fault.isPresent() && fault.get().kind() == Faults.Kind.DELAY) {
            return pause(fault.get().duration()) ? Optional.empty() : Optional.of(DROPPED);
        }
        return fault;
    }

    OptionalInt takePartial(String path) {
        for (Faults faults : matching(path)) {
            OptionalInt omit = faults.takePartial();
            if (omit.isPresent()) {
                return omit;
            }
        }
        return OptionalInt.empty();
    }

    /** Tokens with a serial below this are refused on this path. */
    long tokensValidFrom(String path) {
        return matching(path).stream().mapToLong(Faults::tokensValidFrom).max().orElse(0);
    }

    /** Queued faults still to be used, by prefix, for the status page. */
    public Map<String, Long> pending() {
        Map<String, Long> pending = new TreeMap<>();
        scopes.forEach((prefix, faults) -> pending.put(prefix, faults.pending()));
        return pending;
    }

    public void clearAll() {
        scopes.values().forEach(Faults::clear);
    }

    /** Sleeps; false when interrupted, which means the simulator is closing and the request should be dropped. */
    private static boolean pause(Duration duration) {
        if (duration.isZero()) {
            return true;
        }
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Most specific first. */
    private List<Faults> matching(String path) {
        return scopes.values().stream()
                .filter(faults -> path.startsWith(faults.prefix()))
                .sorted(Comparator.comparingInt((Faults faults) -> faults.prefix().length()).reversed())
                .toList();
    }
}
