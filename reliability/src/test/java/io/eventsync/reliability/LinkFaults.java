package io.eventsync.reliability;

import io.eventsync.testkit.LoopbackProxy;
import java.time.Duration;

/**
 * One schedule of faults on the link between an app and Kafka, run the same way against every app:
 * connections cut (reset) several times, then every chunk delayed for a while, then nothing passing
 * at all (a partition: connections stay open, only timeouts notice). Between steps the app must make
 * progress, so each fault hits a link in use. System properties give the full run:
 * {@code -Dnetwork.faults.cuts=N}, {@code -Dnetwork.faults.delay-ms=N},
 * {@code -Dnetwork.faults.delay-seconds=N}, {@code -Dnetwork.faults.hold-seconds=N}.
 *
 * @param cuts how many times every connection is cut
 * @param delay how long each chunk is held back while the link is slow
 * @param slowFor how long the link is slow
 * @param holdFor how long nothing passes
 */
public record LinkFaults(int cuts, Duration delay, Duration slowFor, Duration holdFor) {

    /** The suite's short run, or what the system properties say. */
    public static LinkFaults fromSystemProperties() {
        return new LinkFaults(Integer.getInteger("network.faults.cuts", 3),
                Duration.ofMillis(Integer.getInteger("network.faults.delay-ms", 300)),
                Duration.ofSeconds(Integer.getInteger("network.faults.delay-seconds", 5)),
                Duration.ofSeconds(Integer.getInteger("network.faults.hold-seconds", 8)));
    }

    /** How many faults a run injects: each may cost the batches in flight at that moment. */
    public int faults() {
        return cuts + 2;
    }

    /**
     * Runs the schedule; {@code progress} returns once the app has made progress since it was last
     * called, and is called before the first fault and after each. {@code duringHold} runs at the end
     * of the hold, before the link is released, to see what the app did while cut off.
     */
    public void run(LoopbackProxy proxy, Runnable progress, Runnable duringHold) throws InterruptedException {
        for (int i = 0; i < cuts; i++) {
            progress.run();
            proxy.cut();
        }
        progress.run();
        proxy.delay(delay);
        Thread.sleep(slowFor.toMillis());
        proxy.delay(Duration.ZERO);
        progress.run();
        proxy.hold(true);
        try {
            Thread.sleep(holdFor.toMillis());
            duringHold.run();
        } finally {
            proxy.hold(false);
        }
        progress.run();
    }

    @Override
    public String toString() {
        return cuts + " cuts, " + delay.toMillis() + " ms delay for " + slowFor.toSeconds() + " s, held for "
                + holdFor.toSeconds() + " s";
    }
}
