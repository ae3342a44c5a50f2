package io.eventsync.gateway.publish;

import java.util.concurrent.Semaphore;

/**
 * Bounds the items waiting for Kafka across all requests. When Kafka is slow the gateway answers
 * 503 at once instead of queueing without bound, so memory stays flat and OMi backs off.
 */
public final class InFlightLimit {

    private final int capacity;
    private final Semaphore permits;

    public InFlightLimit(int capacity) {
        this.capacity = capacity;
        this.permits = new Semaphore(capacity);
    }

    /**
     * Takes room for {@code items}, or none: the permits taken (to give back with {@link #release}), or 0.
     * A request of more items than the whole bound takes all of it, so it goes when nothing else waits
     * rather than never (a bulk refused for its size would be refused every time OMi resends it).
     */
    public int tryAcquire(int items) {
        int wanted = Math.min(items, capacity);
        return permits.tryAcquire(wanted) ? wanted : 0;
    }

    public void release(int taken) {
        permits.release(taken);
    }

    public int inFlight() {
        return capacity - permits.availablePermits();
    }
}
