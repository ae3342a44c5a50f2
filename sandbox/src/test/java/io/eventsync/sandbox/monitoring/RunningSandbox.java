package io.eventsync.sandbox.monitoring;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The packaged sandbox jar in its own JVM, driven through {@code io.eventsync.sandbox.SandboxProcess}
 * (how SandboxIT runs it: banner, output, SIGTERM). That class is package-private in another package,
 * so it is reached by reflection rather than copied; once it is public, call it directly.
 */
final class RunningSandbox implements AutoCloseable {

    private static final String PROCESS_CLASS = "io.eventsync.sandbox.SandboxProcess";

    private final Object process;

    private RunningSandbox(Object process) {
        this.process = process;
    }

    static RunningSandbox start(Map<String, String> environment) {
        return new RunningSandbox(invoke(null, "start", new Class<?>[] {Map.class}, environment));
    }

    /** The jar SandboxProcess starts, relative to the sandbox module. */
    static Path jar() {
        try {
            Field jar = type().getDeclaredField("JAR");
            jar.setAccessible(true);
            return (Path) jar.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(PROCESS_CLASS + " changed: " + e, e);
        }
    }

    /** True once the banner is printed; false if the process ended or the time ran out first. */
    boolean awaitReady(Duration timeout) {
        return (Boolean) invoke(process, "awaitReady", new Class<?>[] {Duration.class}, timeout);
    }

    String output() {
        return (String) invoke(process, "output", new Class<?>[0]);
    }

    /** SIGTERM; the exit status, or -1 on timeout. */
    int terminate(Duration timeout) {
        return (Integer) invoke(process, "terminate", new Class<?>[] {Duration.class}, timeout);
    }

    @Override
    public void close() {
        invoke(process, "close", new Class<?>[0]);
    }

    private static Class<?> type() throws ClassNotFoundException {
        return Class.forName(PROCESS_CLASS);
    }

    private static Object invoke(Object target, String name, Class<?>[] parameters, Object... arguments) {
        try {
            Method method = type().getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(name + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(PROCESS_CLASS + " changed: " + e, e);
        }
    }
}
