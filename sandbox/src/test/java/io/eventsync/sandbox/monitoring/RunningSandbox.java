package io.eventsync.sandbox.monitoring;

import io.eventsync.sandbox.SandboxProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The packaged sandbox jar in its own JVM, as SandboxIT runs it ({@link SandboxProcess}: banner,
 * output, SIGTERM), with the checked exceptions the scrape test has no use for turned into failures.
 */
final class RunningSandbox implements AutoCloseable {

    private final SandboxProcess process;

    private RunningSandbox(SandboxProcess process) {
        this.process = process;
    }

    static RunningSandbox start(Map<String, String> environment) {
        return new RunningSandbox(SandboxProcess.start(environment));
    }

    /** The jar SandboxProcess starts, relative to the sandbox module. */
    static Path jar() {
        return SandboxProcess.JAR;
    }

    /** True once the banner is printed; false if the process ended or the time ran out first. */
    boolean awaitReady(Duration timeout) {
        try {
            return process.awaitReady(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String output() {
        return process.output();
    }

    /** SIGTERM; the exit status, or -1 on timeout. */
    int terminate(Duration timeout) {
        try {
            return process.terminate(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
