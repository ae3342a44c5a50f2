package io.eventsync.bench;

/**
 * One measured iteration. Latencies in milliseconds; CPU in seconds per million events.
 *
 * <p>Gateway scenarios: {@code cpuPerMillion} is the whole bench JVM (broker, gateway and load generator),
 * {@code gatewayCpuPerMillion} the gateway's threads, {@code brokerCpuPerMillion} the rest (broker, and the
 * JVM's GC and JIT), {@code loadGenCpuShare} the load generator's event loop's CPU over wall time.
 * Limit: {@code cpuPerMillion} is the perf tool's own JVM, {@code brokerCpuPerMillion} the bench JVM
 * (only the broker works there then). {@code simulatorCpuPerMillion}: the sandbox simulator's own threads
 * (egress: the receiver's), which share the bench JVM with the app; NaN where none serves the scenario.
 */
record Iteration(double seconds, long events, long bytes, long requests, long failedRequests,
        double eventsPerSec, double mbPerSec, double p50Ms, double p99Ms, double p999Ms,
        double cpuPerMillion, double gatewayCpuPerMillion, double brokerCpuPerMillion, double loadGenCpuShare,
        long peakRssBytes, boolean peakRssReset, int concurrency, double simulatorCpuPerMillion) {
}
