package io.eventsync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Kafka's ProducerPerformance and ConsumerPerformance, each in a child JVM on this JVM's class path (so
 * the tools are the broker's own version), the way {@code kafka-producer-perf-test.sh} runs them.
 */
final class PerfTools {

    private static final String PRODUCER = "org.apache.kafka.tools.ProducerPerformance";
    private static final String CONSUMER = "org.apache.kafka.tools.ConsumerPerformance";

    private final String bootstrapServers;
    private final Consumer<String> progress;

    PerfTools(String bootstrapServers, Consumer<String> progress) {
        this.bootstrapServers = bootstrapServers;
        this.progress = progress;
    }

    List<String> produce(String topic, int records, int recordSize) {
        return run(List.of(PRODUCER, "--topic", topic, "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--warmup-records", Integer.toString(records / 10),
                "--reporting-interval", "1000",
                "--bootstrap-server", bootstrapServers,
                // The gateway's producer settings (acks=all is enforced there; idempotence too).
                "--command-property", "acks=all", "enable.idempotence=true", "linger.ms=5"));
    }

    List<String> consume(String topic, int records, String group) {
        return run(List.of(CONSUMER, "--topic", topic, "--num-records", Integer.toString(records),
                "--bootstrap-server", bootstrapServers, "--group", group, "--timeout", "60000"));
    }

    private List<String> run(List<String> toolArguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.language=en", "-Duser.country=US",
                "-cp", System.getProperty("java.class.path"), PerfToolMain.class.getName()));
        command.addAll(toolArguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.contains("records/sec") || line.contains("MB.sec")) {
                        progress.accept(line);
                    }
                }
            }
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(toolArguments.get(0) + " failed:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
