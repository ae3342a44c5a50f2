package io.eventsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * CPU time of this JVM, split by who spent it. Broker, gateway and load generator share the JVM, so the
 * split is by thread name: the load generator's own event loop, the gateway's threads (its HTTP event
 * loops, Reactor schedulers, its Kafka producer and read model), and the rest, which is the broker plus
 * what the JVM itself spends (GC, JIT) for all three.
 */
record CpuSample(long processNanos, long loadGenNanos, long gatewayNanos) {

    /** Thread names the gateway's work runs on (Reactor Netty server, Reactor, its Kafka clients). */
    static final List<String> GATEWAY_THREADS = List.of("reactor-http-nio", "gateway-work-", "parallel-",
            "boundedElastic-", "kafka-producer-network-thread | eventsync-gateway", "eventsync-gateway",
            "read-model-feed");

    static CpuSample take(String loadGenPrefix) {
        long[] loadGen = {0};
        long[] gateway = {0};
        eachThread((name, cpu) -> {
            if (name.startsWith(loadGenPrefix)) {
                loadGen[0] += cpu;
            } else if (GATEWAY_THREADS.stream().anyMatch(name::startsWith)) {
                gateway[0] += cpu;
            }
        });
        return new CpuSample(ProcessMeter.processCpuNanos(), loadGen[0], gateway[0]);
    }

    /** CPU time so far of the live threads whose name starts with {@code prefix}. */
    static long threadsNanos(String prefix) {
        long[] total = {0};
        eachThread((name, cpu) -> {
            if (name.startsWith(prefix)) {
                total[0] += cpu;
            }
        });
        return total[0];
    }

    /** Every live thread's name and CPU time so far. */
    private static void eachThread(ObjLongConsumer<String> cpuByName) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                cpuByName.accept(info.getThreadName(), Math.max(threads.getThreadCpuTime(info.getThreadId()), 0));
            }
        }
    }

    CpuSample since(CpuSample earlier) {
        return new CpuSample(processNanos - earlier.processNanos, loadGenNanos - earlier.loadGenNanos,
                gatewayNanos - earlier.gatewayNanos);
    }

    /** The broker, and the JVM's own GC and JIT threads. */
    long restNanos() {
        return processNanos - loadGenNanos - gatewayNanos;
    }
}
