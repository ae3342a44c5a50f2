package io.eventsync.contracts.opr.codec;

import java.util.function.Predicate;

/**
 * Cuts a failing input down to a small one that still fails the same way (delta debugging by
 * removing ever smaller chunks), so a report shows a few bytes rather than a 3 KB document.
 * Bounded in attempts: a shrink never costs more than a fraction of the run.
 */
final class ByteShrinker {

    private static final int MAX_ATTEMPTS = 4_000;

    private ByteShrinker() {
    }

    static byte[] shrink(byte[] failing, Predicate<byte[]> stillFails) {
        byte[] current = failing;
        int attempts = 0;
        int chunk = Math.max(1, current.length / 2);
        while (chunk >= 1 && attempts < MAX_ATTEMPTS) {
            boolean removedAny = false;
            for (int at = 0; at + chunk <= current.length && attempts < MAX_ATTEMPTS; ) {
                byte[] candidate = ByteMutations.splice(current, at, chunk, new byte[0]);
                attempts++;
                if (stillFails.test(candidate)) {
                    current = candidate;
                    removedAny = true;
                } else {
                    at += chunk;
                }
            }
            if (!removedAny) {
                chunk /= 2;
            }
        }
        return current;
    }
}
