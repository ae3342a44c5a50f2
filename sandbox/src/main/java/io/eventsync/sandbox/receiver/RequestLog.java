package io.eventsync.sandbox.receiver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulator was asked, newest last, and how often per first path segment. The log is bounded,
 * so a long run does not fill the heap with it; the counts are not. Public so that the other simulators of
 * the sandbox keep their requests the same way.
 */
public final class RequestLog {

    public static final int CAPACITY = 10_000;

    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final Map<String, Long> counts = new TreeMap<>();

    public synchronized void add(RecordedRequest request) {
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(request);
        counts.merge(firstSegment(request.path()), 1L, Long::sum);
    }

    public synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    public synchronized List<RecordedRequest> to(String pathPrefix) {
        return requests.stream().filter(request -> request.path().startsWith(pathPrefix)).toList();
    }

    /** The newest {@code count}, newest first. */
    synchronized List<RecordedRequest> newest(int count) {
        List<RecordedRequest> newest = new ArrayList<>(count);
        Iterator<RecordedRequest> backwards = requests.descendingIterator();
        while (backwards.hasNext() && newest.size() < count) {
            newest.add(backwards.next());
        }
        return newest;
    }

    synchronized Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    public synchronized void clear() {
        requests.clear();
        counts.clear();
    }

    /** {@code /opr} for {@code /opr/event}, {@code /} for the root. */
    private static String firstSegment(String path) {
        int slash = path.indexOf('/', 1);
        return slash < 0 ? path : path.substring(0, slash);
    }
}
