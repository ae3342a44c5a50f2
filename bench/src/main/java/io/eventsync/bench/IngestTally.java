package io.eventsync.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/** One subscription's events as a read_committed reader saw them: each counted once, repeats apart. */
final class IngestTally {

    private final Set<Long> seen = new HashSet<>();
    private final Map<String, NavigableMap<Instant, Integer>> visibleByPage = new HashMap<>();
    private long duplicates;
    private long bytes;
    private Instant lastVisible;

    /** Returns whether the event is one not seen before. */
    boolean add(String page, byte[] value, Instant visible) {
        if (!seen.add(digest(value))) {
            duplicates++;
            return false;
        }
        bytes += value.length;
        visibleByPage.computeIfAbsent(page, p -> new TreeMap<>()).merge(visible, 1, Integer::sum);
        lastVisible = visible;
        return true;
    }

    long events() {
        return seen.size();
    }

    long duplicates() {
        return duplicates;
    }

    long bytes() {
        return bytes;
    }

    Instant lastVisible() {
        return lastVisible;
    }

    /** Page marker to when its events became visible, and how many at each moment. */
    Map<String, NavigableMap<Instant, Integer>> visibleByPage() {
        return visibleByPage;
    }

    /**
     * OFSC events have no id, but the simulator makes each unique as JSON (every event raises its entity's
     * revision), so the bytes identify the event. Two independent 32-bit hashes: a false repeat among
     * 100,000 events of a subscription is about 3 in 10^10 likely.
     */
    private static long digest(byte[] value) {
        CRC32C crc = new CRC32C();
        crc.update(value);
        return crc.getValue() << 32 | (Arrays.hashCode(value) & 0xffff_ffffL);
    }
}
