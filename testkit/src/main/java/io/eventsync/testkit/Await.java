package io.eventsync.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something a test expects to happen on its own (a record on a topic, a request at a
 * target). The limit only turns a hang into a failure that names what never happened; it is not a
 * performance assertion.
 */
public final class Await {

    private static final Duration PAUSE = Duration.ofMillis(100);

    private Await() {
    }

    /** Lets time pass on purpose (sampling a gauge, letting a process run before a kill). */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static void until(BooleanSupplier condition, Duration max, String what) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + max + " waiting for " + what);
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
