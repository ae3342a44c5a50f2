package io.eventsync.sandbox.ofsc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The instance's one append-only event log. Each event gets the next sequence number (1, 2, ...);
 * a position {@code p} means "everything after sequence p", so position 0 is the very beginning and
 * the head position is the newest sequence. Retention removes from the old end only, which keeps
 * the retained sequences contiguous: a position is readable exactly when no event after it has been
 * removed yet, i.e. when it is at or after {@link #floor()}.
 *
 * <p>Events are kept as their JSON bytes: a page answer is then a concatenation, and a long run at
 * hundreds of events per second holds a few hundred bytes per event rather than a tree of nodes.
 */
final class EventLog {

    record Entry(long sequence, Instant time, String type, byte[] json) {
    }

    /** Items read after the start position, and the position a reader continues from. */
    record Slice(long start, List<Entry> items, long next) {
    }

    private final Duration retention;
    private Entry[] ring = new Entry[1024];
    private int first;
    private int size;
    private long head;

    EventLog(Duration retention) {
        this.retention = retention;
    }

    synchronized long append(String type, Instant time, byte[] json) {
        if (size == ring.length) {
            grow();
        }
        head++;
        ring[(first + size) % ring.length] = new Entry(head, time, type, json);
        size++;
        return head;
    }

    /**
     * Removes events older than the retention window, oldest first. An event appended with an explicit
     * time older than its predecessors waits for them: the log is truncated, never holed.
     */
    synchronized void expire(Instant now) {
        Instant cutoff = now.minus(retention);
        while (size > 0 && ring[first].time().isBefore(cutoff)) {
            ring[first] = null;
            first = (first + 1) % ring.length;
            size--;
        }
    }

    /** The newest sequence appended so far: also the count of events ever appended. */
    synchronized long head() {
        return head;
    }

    /** The oldest position still readable: the last sequence that retention removed (0 if none). */
    synchronized long floor() {
        return head - size;
    }

    synchronized int retained() {
        return size;
    }

    synchronized Optional<Instant> oldestTime() {
        return size == 0 ? Optional.empty() : Optional.of(ring[first].time());
    }

    /**
     * Up to {@code limit} matching events after {@code position}, in log order. The next position is the
     * last returned event's when the page is full, else the head: a reader then skips the non-matching
     * events it has just been shown past. Empty when events after the position have expired.
     */
    synchronized Optional<Slice> read(long position, Predicate<String> types, int limit) {
        if (position < floor() || position > head) {
            return Optional.empty();
        }
        return Optional.of(slice(position, types, limit));
    }

    /** Like {@link #read} from the oldest retained position, but never before {@code notBefore}. */
    synchronized Slice readOldest(long notBefore, Predicate<String> types, int limit) {
        return slice(Math.max(notBefore, floor()), types, limit);
    }

    private Slice slice(long position, Predicate<String> types, int limit) {
        List<Entry> items = new ArrayList<>(Math.min(limit, 128));
        for (long sequence = position + 1; sequence <= head; sequence++) {
            Entry entry = at(sequence);
            if (types.test(entry.type())) {
                items.add(entry);
                if (items.size() == limit) {
                    return new Slice(position, items, sequence);
                }
            }
        }
        return new Slice(position, items, head);
    }

    /** The position just before the first retained event after {@code position} whose time is at or after {@code since}. */
    synchronized long positionAt(long position, Instant since) {
        for (long sequence = Math.max(position, floor()) + 1; sequence <= head; sequence++) {
            if (!at(sequence).time().isBefore(since)) {
                return sequence - 1;
            }
        }
        return head;
    }

    /** Every retained matching event after {@code position}, in log order. */
    synchronized List<Entry> all(long position, Predicate<String> types) {
        List<Entry> items = new ArrayList<>();
        for (long sequence = Math.max(position, floor()) + 1; sequence <= head; sequence++) {
            Entry entry = at(sequence);
            if (types.test(entry.type())) {
                items.add(entry);
            }
        }
        return items;
    }

    private Entry at(long sequence) {
        int offset = (int) (sequence - floor() - 1);
        return ring[(first + offset) % ring.length];
    }

    private void grow() {
        Entry[] bigger = new Entry[ring.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(first + i) % ring.length];
        }
        ring = bigger;
        first = 0;
    }
}
