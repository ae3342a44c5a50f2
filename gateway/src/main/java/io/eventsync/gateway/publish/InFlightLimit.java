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

    public boolean tryAcquire(int items) {
        return items <= capacity && permits.tryAcquire(items);
    }

    public void release(int items) {
        permits.release(items);
    }

    public int inFlight() {
        return capacity - permits.availablePermits();
    }
}
