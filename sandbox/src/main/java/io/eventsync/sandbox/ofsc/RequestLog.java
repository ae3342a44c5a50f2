package io.eventsync.sandbox.ofsc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** What the simulator was asked, newest last. Bounded, so a soak run does not fill the heap with it. */
final class RequestLog {

    static final int CAPACITY = 100_000;

    private final Deque<RecordedRequest> requests = new ArrayDeque<>();

    synchronized void add(RecordedRequest request) {
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized int size() {
        return requests.size();
    }
}
