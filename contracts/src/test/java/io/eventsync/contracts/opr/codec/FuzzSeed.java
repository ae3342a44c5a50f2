package io.eventsync.contracts.opr.codec;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * The one seed a fuzz run draws everything from, so a failure seen once can be run again:
 * {@code -Dfuzz.seed=N} repeats a run, and each try's own random source depends only on the seed,
 * the property's name and the try's number, never on what other tries drew.
 */
final class FuzzSeed {

    static final String PROPERTY = "fuzz.seed";

    /** {@code -Dfuzz.scale=N} multiplies every property's tries, for a longer hunt than the suite's. */
    static final int SCALE = Integer.getInteger("fuzz.scale", 1);

    private final long seed;

    private FuzzSeed(long seed) {
        this.seed = seed;
    }

    /** The seed given with {@code -Dfuzz.seed}, else a new one each run so the suite keeps exploring. */
    static FuzzSeed fromSystemProperty() {
        String given = System.getProperty(PROPERTY);
        if (given != null && !given.isBlank()) {
            return new FuzzSeed(Long.parseLong(given.trim()));
        }
        return new FuzzSeed(new SplittableRandom().nextLong());
    }

    long value() {
        return seed;
    }

    Random forTry(String property, int tryNumber) {
        return new Random(new SplittableRandom(seed ^ mix(property.hashCode()) ^ mix(31L * tryNumber + 17)).nextLong());
    }

    /** What a failure message carries so the failing try can be replayed on its own. */
    String replay(String property, int tryNumber) {
        return property + " try " + tryNumber + " (replay with -D" + PROPERTY + "=" + seed + ")";
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
