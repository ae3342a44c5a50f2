package io.eventsync.sandbox.ingest;

import io.eventsync.ingest.IngestApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ingest-ofsc in its own JVM, so a test can kill it the way a node failure or the OOM killer does:
 * SIGKILL, no shutdown hook, no chance to finish a transaction.
 */
final class IngestProcess implements AutoCloseable {

    private final Process process;

    private IngestProcess(Process process) {
        this.process = process;
    }

    static IngestProcess start(IngestArguments arguments, Path log) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), IngestApplication.class.getName()));
        command.addAll(List.of(arguments.toArray()));
        try {
            return new IngestProcess(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("ingest process " + process.pid() + " survived SIGKILL");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
