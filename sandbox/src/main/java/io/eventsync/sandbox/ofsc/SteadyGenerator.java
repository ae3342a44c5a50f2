package io.eventsync.sandbox.ofsc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events at a steady rate, in small batches every 100 ms, on a daemon thread. The number due is
 * counted from the injected clock ("rate x time since start", minus what was already made), so a
 * {@link MutableClock} drives it exactly and a slow tick catches up instead of lowering the rate. A
 * backlog of more than ten seconds' worth is skipped, not made: a clock moved on by days is a test of
 * expiry, not an event storm.
 */
final class SteadyGenerator {

    private static final Logger log = LoggerFactory.getLogger(SteadyGenerator.class);
    private static final Duration TICK = Duration.ofMillis(100);
    private static final int MAX_BACKLOG_SECONDS = 10;

    private final double eventsPerSecond;
    private final Clock clock;
    private final IntConsumer generate;
    private ScheduledExecutorService ticker;
    private Instant origin;
    private long made;

    SteadyGenerator(double eventsPerSecond, Clock clock, IntConsumer generate) {
        this.eventsPerSecond = eventsPerSecond;
        this.clock = clock;
        this.generate = generate;
    }

    synchronized void start() {
        if (ticker != null) {
            return;
        }
        origin = clock.instant();
        made = 0;
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ofsc-sim-generator");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns once no tick runs any more; the lock is not held meanwhile, so a running tick can end. */
    void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = ticker;
            ticker = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdownNow();
        try {
            stopping.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized boolean running() {
        return ticker != null;
    }

    private synchronized void tick() {
        if (ticker == null) {
            return;
        }
        try {
            Duration elapsed = Duration.between(origin, clock.instant());
            long due = (long) Math.floor(eventsPerSecond * elapsed.toNanos() / 1e9);
            long backlog = due - made;
            long cap = Math.max(1, (long) Math.min(Math.ceil(eventsPerSecond * MAX_BACKLOG_SECONDS), Integer.MAX_VALUE));
            if (backlog > cap) {
                made = due - cap;
                backlog = cap;
            }
            if (backlog > 0) {
                generate.accept((int) Math.min(backlog, Integer.MAX_VALUE));
                made += backlog;
            }
        } catch (RuntimeException e) {
            // A failing tick must not end the schedule (an exception there cancels all later ticks).
            log.warn("The OFSC simulator's generator failed a tick", e);
        }
    }
}
