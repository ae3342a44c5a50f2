package io.eventsync.bench;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Runs a Kafka perf tool's main in a child JVM, then prints that JVM's CPU time and peak RSS: once the
 * child has exited the parent can no longer read them. The tools call {@code Exit.exit} only on errors,
 * so a normal return means success.
 */
public final class PerfToolMain {

    private PerfToolMain() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        // A bench stopped mid-run (even by SIGKILL) must not leave its tool running: one was found idle,
        // holding 400 MB, 43 minutes after the bench that started it had been stopped.
        ProcessHandle.current().parent().ifPresent(bench -> bench.onExit().thenRun(() -> Runtime.getRuntime().halt(2)));
        Class<?> tool = Class.forName(args[0]);
        try {
            tool.getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            e.getCause().printStackTrace();
            System.exit(1);
        }
        System.out.println(PerfOutput.usageLine(ProcessMeter.processCpuNanos(), ProcessMeter.peakRssBytes()));
        System.out.flush();
        // Kafka clients may leave non-daemon threads; the tool is done.
        System.exit(0);
    }
}
