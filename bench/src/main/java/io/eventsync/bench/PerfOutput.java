package io.eventsync.bench;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the summaries Kafka's ProducerPerformance and ConsumerPerformance print (kafka-tools 4.2). */
final class PerfOutput {

    /** ProducerPerformance's last line; the steady-state one (after --warmup-records) wins when present. */
    record ProducerSummary(long records, double recordsPerSec, double mbPerSec, double avgLatencyMs,
            double maxLatencyMs, long p50Ms, long p95Ms, long p99Ms, long p999Ms) {
    }

    /** ConsumerPerformance's CSV line: totals, and the fetch-only rate that leaves out the group join. */
    record ConsumerSummary(double mbConsumed, double mbPerSec, long records, double recordsPerSec,
            long rebalanceMs, long fetchMs, double fetchMbPerSec, double fetchRecordsPerSec) {
    }

    /** What the wrapper JVM adds after the tool returns: its own CPU time and peak RSS. */
    record ToolUsage(long cpuNanos, long peakRssBytes) {
    }

    private static final Pattern PRODUCER = Pattern.compile(
            "(\\d+)( steady state)? records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
                    + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99\\.9th\\.");
    private static final String CONSUMER_HEADER = "start.time, end.time, data.consumed.in.MB";
    private static final String NUMBER = ",\\s*-?[\\d.]+";
    private static final Pattern CONSUMER_ROW = Pattern.compile(
            "[^,]+,\\s*[^,]+" + NUMBER.repeat(8));
    private static final Pattern USAGE = Pattern.compile("BENCH-USAGE cpu-nanos=(-?\\d+) peak-rss-bytes=(-?\\d+)");

    private PerfOutput() {
    }

    static ProducerSummary producer(List<String> lines) {
        ProducerSummary found = null;
        boolean steady = false;
        for (String line : lines) {
            Matcher m = PRODUCER.matcher(line.trim());
            if (m.matches()) {
                boolean isSteady = m.group(2) != null;
                if (found == null || isSteady || !steady) {
                    found = new ProducerSummary(Long.parseLong(m.group(1)), d(m.group(3)), d(m.group(4)), d(m.group(5)),
                            d(m.group(6)), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)),
                            Long.parseLong(m.group(9)), Long.parseLong(m.group(10)));
                    steady |= isSteady;
                }
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("No ProducerPerformance summary in its output:\n" + tail(lines));
        }
        return found;
    }

    static ConsumerSummary consumer(List<String> lines) {
        // The header comes first, but the tool's client logs can land between it and the numbers.
        boolean headerSeen = false;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith(CONSUMER_HEADER)) {
                headerSeen = true;
                continue;
            }
            if (headerSeen && CONSUMER_ROW.matcher(trimmed).matches()) {
                String[] f = trimmed.split(",\\s*");
                return new ConsumerSummary(d(f[2]), d(f[3]), Long.parseLong(f[4]), d(f[5]), Long.parseLong(f[6]),
                        Long.parseLong(f[7]), d(f[8]), d(f[9]));
            }
        }
        throw new IllegalArgumentException("No ConsumerPerformance summary in its output:\n" + tail(lines));
    }

    static ToolUsage usage(List<String> lines) {
        for (String line : lines) {
            Matcher m = USAGE.matcher(line.trim());
            if (m.matches()) {
                return new ToolUsage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            }
        }
        return new ToolUsage(-1, -1);
    }

    static String usageLine(long cpuNanos, long peakRssBytes) {
        return String.format(Locale.ROOT, "BENCH-USAGE cpu-nanos=%d peak-rss-bytes=%d", cpuNanos, peakRssBytes);
    }

    private static double d(String s) {
        return Double.parseDouble(s.trim());
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
