package io.eventsync.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** One line a second on stderr: what runs, for how long, and its rate so far. */
final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-progress");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong units = new AtomicLong();
    private volatile String label;
    private volatile long startNanos;

    Progress(PrintStream out) {
        this.out = out;
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts a phase; {@link #add(long)} counts its events. */
    void begin(String phase) {
        units.set(0);
        startNanos = System.nanoTime();
        label = phase;
    }

    void add(long n) {
        units.addAndGet(n);
    }

    void end() {
        label = null;
    }

    /** A line from a child tool that already reports its own rate. */
    void relay(String line) {
        String phase = label;
        out.printf(Locale.ROOT, "[bench] %s | %s%n", phase == null ? "-" : phase, line.trim());
    }

    private void tick() {
        String phase = label;
        if (phase == null) {
            return;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long n = units.get();
        if (n == 0) {
            out.printf(Locale.ROOT, "[bench] %s | %.0f s%n", phase, elapsed);
        } else {
            out.printf(Locale.ROOT, "[bench] %s | %.0f s | %,.0f events/s so far%n", phase, elapsed, n / elapsed);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
