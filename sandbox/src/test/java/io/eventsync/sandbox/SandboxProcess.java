package io.eventsync.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The README's run command as a newcomer runs it: the packaged jar in its own JVM, read through its
 * console output, ended by a signal. Tests drive it; it asserts nothing itself.
 */
public final class SandboxProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "eventsync-sandbox.jar");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CountDownLatch ready = new CountDownLatch(1);

    private SandboxProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "sandbox-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static SandboxProcess start(Map<String, String> environment) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; failsafe runs after package");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return new SandboxProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once the whole banner is printed; false if the process ended or the time ran out first. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.await(200, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (!process.isAlive()) {
                return ready.getCount() == 0;
            }
        }
        return false;
    }

    /** SIGTERM, as Kubernetes, systemd and {@code kill} send it; the exit status, or -1 on timeout. */
    public int terminate(Duration timeout) throws InterruptedException, IOException {
        // Not Process.destroy(): it closes the output pipe, and what the sandbox says while it stops is
        // what the tests read.
        Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -TERM " + process.pid() + " failed");
        }
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public String output() {
        return output.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /**
     * Every port the sandbox binds (its environment variables), each free now and distinct, so a run
     * never meets a developer's own sandbox. A map the caller may add to.
     */
    public static Map<String, String> freePorts() {
        Map<String, String> ports = new HashMap<>();
        for (String name : List.of("KAFKA_PORT", "GATEWAY_PORT", "INGEST_PORT", "OFSC_SIM_PORT", "EGRESS_PORT",
                "RECEIVER_PORT", "OMI_SIM_PORT")) {
            String port;
            do {
                port = Integer.toString(freePort());
            } while (ports.containsValue(port));
            ports.put(name, port);
        }
        return ports;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith(ReadyBanner.LAST_LINE)) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            output.append("[output unreadable: ").append(e).append("]\n");
        }
    }
}
