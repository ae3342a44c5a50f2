package io.eventsync.sandbox.ofsc;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * At most N requests per client in each second of the injected clock (fixed windows: simple, and a
 * test can fill a window without racing the wall clock). Refused requests do not count against the
 * window. OFSC documents no 429; the simulator has one because a poller must survive one anyway.
 */
final class ClientRateLimit {

    private final int perSecond;
    private final Clock clock;
    private final Map<String, long[]> windows = new HashMap<>();

    ClientRateLimit(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.clock = clock;
    }

    synchronized void admit(String clientId) {
        if (perSecond <= 0) {
            return;
        }
        long second = clock.instant().getEpochSecond();
        long[] window = windows.computeIfAbsent(clientId, id -> new long[] {second, 0});
        if (window[0] != second) {
            window[0] = second;
            window[1] = 0;
        }
        if (window[1] >= perSecond) {
            throw ApiProblem.tooManyRequests(1, "More than " + perSecond
                    + " requests per second from this client; retry after Retry-After seconds");
        }
        window[1]++;
    }
}
