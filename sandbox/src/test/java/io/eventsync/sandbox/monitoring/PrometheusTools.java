package io.eventsync.sandbox.monitoring;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds Prometheus' own binaries (Debian's {@code prometheus} package: {@code /usr/bin/prometheus},
 * {@code /usr/bin/promtool}) and the monitoring files of the repository, seen from the sandbox
 * module where Failsafe runs. A missing binary fails the test that needs it, with what to install:
 * these tests prove the rules and the dashboard against the real thing, so skipping would hide a gap.
 */
final class PrometheusTools {

    static final Path REPOSITORY = Path.of("..");
    static final Path RULES = REPOSITORY.resolve("monitoring/prometheus/eventsync-rules.yml");
    static final Path RULE_TESTS = REPOSITORY.resolve("monitoring/prometheus/eventsync-rules.test.yml");
    static final Path COMPOSE_PROMETHEUS = REPOSITORY.resolve("monitoring/prometheus/prometheus.yml");
    static final Path K8S_MONITORING = REPOSITORY.resolve("k8s/base/monitoring");
    static final Path PROMETHEUS_RULE = K8S_MONITORING.resolve("prometheusrule.yaml");
    static final Path DASHBOARD = K8S_MONITORING.resolve("eventsync-dashboard.json");
    static final Path ALERTS_DOC = REPOSITORY.resolve("docs/alerts.md");
    static final Path COMPOSE = REPOSITORY.resolve("docker-compose.yml");

    private PrometheusTools() {
    }

    /** The binary on PATH, else in /usr/bin; fails the test when neither has it. */
    static Path binary(String name) {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(java.io.File.pathSeparator)) {
                if (!directory.isBlank()) {
                    candidates.add(Path.of(directory, name));
                }
            }
        }
        candidates.add(Path.of("/usr/bin", name));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("%s is not installed (looked on PATH and in /usr/bin). These tests run Prometheus' own tools: "
                + "install Debian's prometheus package (apt-get install -y prometheus), which .ci/run does.", name);
    }

    /** Runs a command to its end within {@code timeout}, output and error together. */
    static Result run(Duration timeout, Path directory, String... command) {
        try {
            Path log = Files.createTempFile("eventsync-tool-", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    return fail("%s did not finish within %s:%n%s", String.join(" ", command), timeout,
                            Files.readString(log, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int exitCode, String output) {
    }
}
