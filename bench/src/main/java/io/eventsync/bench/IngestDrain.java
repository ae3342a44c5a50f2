package io.eventsync.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.HdrHistogram.Histogram;

/**
 * What one run measured: from the first page request of any subscription to the last event visible on the
 * topic, with each event's latency from the request for its page to its being visible.
 */
record IngestDrain(double seconds, long events, long bytes, long requests, long failedRequests,
        Histogram latencyMicros, long unmatchedEvents, List<Double> perSubscriptionEventsPerSec, long cpuNanos,
        long duplicates, long peakRssBytes, boolean peakRssReset) {

    static IngestDrain measure(IngestArrivals arrivals, IngestPageRequests requests, IngestCpuTimeline cpu,
            long peakRssBytes, boolean peakRssReset) {
        Instant start = null;
        Instant end = null;
        List<Double> perSubscription = new ArrayList<>();
        Histogram latency = new Histogram(3);
        long unmatched = 0;
        for (Map.Entry<String, IngestTally> e : arrivals.bySubscription().entrySet()) {
            IngestTally tally = e.getValue();
            Instant first = requests.firstRequest(e.getKey());
            start = start == null || first.isBefore(start) ? first : start;
            end = end == null || tally.lastVisible().isAfter(end) ? tally.lastVisible() : end;
            perSubscription.add(tally.events() / seconds(first, tally.lastVisible()));
            for (Map.Entry<String, NavigableMap<Instant, Integer>> page : tally.visibleByPage().entrySet()) {
                NavigableMap<Instant, Integer> visible = page.getValue();
                var asked = requests.answered(e.getKey(), page.getKey(), visible.firstKey());
                if (asked.isEmpty()) {
                    unmatched += visible.values().stream().mapToLong(Integer::longValue).sum();
                    continue;
                }
                visible.forEach((at, count) -> latency.recordValueWithCount(
                        Math.max(0, Duration.between(asked.get(), at).toNanos() / 1000), count));
            }
        }
        return new IngestDrain(seconds(start, end), arrivals.events(), arrivals.bytes(), requests.count(start, end),
                requests.failed(start, end), latency, unmatched, List.copyOf(perSubscription),
                cpu.cpuNanosBetween(start, end), arrivals.duplicates(), peakRssBytes, peakRssReset);
    }

    Iteration iteration(int concurrency) {
        boolean measured = latencyMicros.getTotalCount() > 0;
        return new Iteration(seconds, events, bytes, requests, failedRequests, events / seconds,
                bytes / seconds / (1024 * 1024),
                measured ? latencyMicros.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                measured ? latencyMicros.getValueAtPercentile(99) / 1000.0 : Double.NaN,
                measured ? latencyMicros.getValueAtPercentile(99.9) / 1000.0 : Double.NaN,
                LimitScenario.perMillion(cpuNanos, events), Double.NaN, Double.NaN, Double.NaN,
                peakRssBytes, peakRssReset, concurrency, Double.NaN);
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(Duration.between(from, to).toNanos(), 1) / 1e9;
    }
}
