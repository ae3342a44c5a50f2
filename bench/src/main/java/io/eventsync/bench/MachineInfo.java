package io.eventsync.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** The machine a run measured: without it the numbers mean nothing. */
record MachineInfo(int cores, String jdkVersion, String jdkVendor, String vm, List<String> gcs,
        long maxHeapBytes, String os, String arch) {

    static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList(),
                Runtime.getRuntime().maxMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }
}
