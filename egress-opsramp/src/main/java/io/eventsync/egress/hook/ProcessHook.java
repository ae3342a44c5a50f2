package io.eventsync.egress.hook;

import io.eventsync.egress.delivery.TargetAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The hook as a local executable, like {@code OMBackSync.pl}: the operation and id are passed as
 * separate arguments of one process, started without a shell, so an id can never become a
 * command. Its output (standard output and error, at most 64 KiB) goes to the log; exit 0 is
 * success, any other exit a retryable failure, and a call over the timeout is killed.
 */
final class ProcessHook implements Hook {

    private static final Logger log = LoggerFactory.getLogger(ProcessHook.class);
    private static final int MAX_OUTPUT = 64 * 1024;

    private final List<String> command;
    private final Duration timeout;

    ProcessHook(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    @Override
    public Mono<TargetAnswer> call(String operation, Optional<String> id) {
        return Mono.fromCallable(() -> run(operation, id)).subscribeOn(Schedulers.boundedElastic());
    }

    private TargetAnswer run(String operation, Optional<String> id) throws InterruptedException {
        List<String> arguments = new ArrayList<>(command);
        arguments.add(operation);
        id.ifPresent(arguments::add);
        Process process;
        try {
            process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
            // Nothing is written to it: a hook that reads its input gets end-of-file, not a hang.
            process.getOutputStream().close();
        } catch (IOException e) {
            return new TargetAnswer(500, Set.of(), Optional.empty(), "cannot start " + command.get(0) + ": "
                    + e.getMessage());
        }
        OutputCapture output = new OutputCapture(process.getInputStream());
        output.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            output.join(1_000);
            output.logAs(operation);
            return TargetAnswer.noAnswer(operation + " still running after " + timeout + "; killed");
        }
        output.join(1_000);
        output.logAs(operation);
        int exit = process.exitValue();
        return exit == 0 ? new TargetAnswer(200, Set.of(), Optional.empty(), "")
                : new TargetAnswer(500, Set.of(), Optional.empty(), operation + " exited with " + exit + ": "
                        + output.text());
    }

    @Override
    public String describe() {
        return "back-sync command " + command.get(0);
    }

    /** Reads a process's output on its own thread, so a chatty hook cannot block on a full pipe. */
    private static final class OutputCapture extends Thread {

        private final InputStream in;
        private final StringBuilder text = new StringBuilder();

        OutputCapture(InputStream in) {
            super("back-sync-output");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            int read;
            try (in) {
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (text) {
                        if (text.length() < MAX_OUTPUT) {
                            text.append(new String(buffer, 0, Math.min(read, MAX_OUTPUT - text.length()),
                                    StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (IOException e) {
                // The process is gone: what it wrote so far is all there is.
            }
        }

        String text() {
            synchronized (text) {
                return text.toString().strip();
            }
        }

        void logAs(String operation) {
            text().lines().forEach(line -> log.info("back-sync hook ({}): {}", operation, line));
        }
    }
}
