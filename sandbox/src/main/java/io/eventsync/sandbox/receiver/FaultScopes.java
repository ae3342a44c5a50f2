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
 */
final class FaultScopes {

    private final Map<String, Faults> scopes = new ConcurrentHashMap<>();
    private final long seed;
    private final LongSupplier nextTokenSerial;

    FaultScopes(long seed, LongSupplier nextTokenSerial) {
        this.seed = seed;
        this.nextTokenSerial = nextTokenSerial;
    }

    Faults scope(String prefix) {
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
    Map<String, Long> pending() {
        Map<String, Long> pending = new TreeMap<>();
        scopes.forEach((prefix, faults) -> pending.put(prefix, faults.pending()));
        return pending;
    }

    void clearAll() {
        scopes.values().forEach(Faults::clear);
    }

    /** Most specific first. */
    private List<Faults> matching(String path) {
        return scopes.values().stream()
                .filter(faults -> path.startsWith(faults.prefix()))
                .sorted(Comparator.comparingInt((Faults faults) -> faults.prefix().length()).reversed())
                .toList();
    }
}
