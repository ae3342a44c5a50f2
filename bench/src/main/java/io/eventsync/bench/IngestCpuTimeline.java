package io.eventsync.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This JVM's CPU time, sampled every few milliseconds against the wall clock. The drain's window is known
 * only afterwards (from the simulator's request log and the topic), and it must leave out Spring's start,
 * which costs more CPU than a small backlog's drain.
 */
final class IngestCpuTimeline implements AutoCloseable {

    private static final long PERIOD_MILLIS = 10;

    private record Sample(Instant time, long cpuNanos) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-ingest-cpu");
        t.setDaemon(true);
        return t;
    });

    private IngestCpuTimeline() {
        sample();
        sampler.scheduleAtFixedRate(this::sample, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    static IngestCpuTimeline start() {
        return new IngestCpuTimeline();
    }

    /**
     * CPU spent from {@code from} to {@code to}, from the samples just outside the window: at most one
     * period too much at each end, never too little.
     */
    synchronized long cpuNanosBetween(Instant from, Instant to) {
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        for (Sample s : samples) {
            if (!s.time().isAfter(from)) {
                first = s;
            }
        }
        for (int i = samples.size() - 1; i >= 0; i--) {
            if (!samples.get(i).time().isBefore(to)) {
                last = samples.get(i);
            }
        }
        return last.cpuNanos() - first.cpuNanos();
    }

    private synchronized void sample() {
        samples.add(new Sample(Instant.now(), ProcessMeter.processCpuNanos()));
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        sample();
    }
}
