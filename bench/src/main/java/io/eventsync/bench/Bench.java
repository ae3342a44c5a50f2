package io.eventsync.bench;

import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every scenario on this machine against one real broker: the limit first, then the gateway, and
 * writes benchmarks.md, benchmarks.json and benchmarks.png into {@code --out}.
 */
public final class Bench {

    static final String COMMAND = "./mvnw -B -q -pl bench -am package -DskipTests && "
            + "java -cp \"$(cat bench/target/classpath.txt)\":bench/target/classes io.eventsync.bench.Bench";

    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path written = run(options);
        System.err.println("[bench] wrote " + written.toAbsolutePath());
        // The forked broker and Netty's threads must not keep the JVM up.
        System.exit(0);
    }

    /** The whole run; returns the directory it wrote to. */
    static Path run(BenchOptions options) throws IOException {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        MachineInfo machine = MachineInfo.current();
        Files.createDirectories(options.out());
        // The in-process KRaft broker (full JIT, this JVM's GC): testkit's forked broker is tuned to start
        // fast (C1 only, Serial GC) and would make the limit a test artefact. Its threads are counted apart.
        try (Progress progress = new Progress(System.err);
                KafkaBroker broker = Brokers.inProcess(0)) {
            String limitTopic = "bench.limit";
            String gatewayTopic = "bench.opr.events";
            broker.createTopic(limitTopic, options.partitions());
            broker.createTopic(gatewayTopic, options.partitions());

            List<ScenarioResult> limit = new LimitScenario(new PerfTools(broker.bootstrapServers(), progress::relay),
                    options, progress).run(limitTopic);

            List<ScenarioResult> scenarios = new ArrayList<>();
            ScenarioResult probeBase = null;
            ScenarioResult probe = null;
            if (options.runs("gateway")) {
                try (EmbeddedGateway gateway = EmbeddedGateway.start(broker.bootstrapServers(), gatewayTopic,
                        options.partitions())) {
                    GatewaySingleScenario single = new GatewaySingleScenario(gateway.port(), options, progress);
                    GatewayBulkScenario bulk = new GatewayBulkScenario(gateway.port(), options, progress);
                    List<OprFormat> formats = List.of(OprFormat.JSON, OprFormat.XML);
                    if (!options.smoke()) {
                        bulk.warmUpJvm(List.of(new int[] {100}, new int[] {500}), formats);
                    }
                    for (int size : new int[] {100, 500}) {
                        for (OprFormat format : formats) {
                            scenarios.add(bulk.run(size, format).aiming(Target.ratio(0.7)));
                        }
                    }
                    ScenarioResult singleMax = single.runMax();
                    scenarios.add(singleMax);
                    scenarios.add(single.runFixed(singleMax.stats(Iteration::eventsPerSec).median() / 2));
                    // Does more load from the client raise throughput? If not, the client is not what bounds
                    // it. Both runs back to back, so that JIT and broker state are the same for the two.
                    String probeName = GatewayBulkScenario.name(100, OprFormat.JSON);
                    probeBase = bulk.run(100, OprFormat.JSON, options.concurrency(), 1, probeName + "-probe-x1");
                    probe = bulk.run(100, OprFormat.JSON, options.concurrency() * 2, 1, probeName + "-probe-x2");
                }
            }
            if (options.runs("ingest")) {
                List<ScenarioResult> ingest = new IngestScenario(broker.bootstrapServers(), options, progress).run();
                scenarios.add(ingest.get(0).aiming(Target.ratio(0.8)));
                scenarios.addAll(ingest.subList(1, ingest.size()));
            }
            if (options.runs("egress")) {
                for (ScenarioResult egress : new EgressScenario(broker.bootstrapServers(), options, progress).run()) {
                    ScenarioResult compared = egress.against(ScenarioResult.Baseline.CONSUMER);
                    boolean bulk = egress.name().startsWith("egress-opr-bulk");
                    boolean faulty = egress.name().endsWith("-5xx");
                    scenarios.add(bulk ? compared.aiming(Target.ratio(faulty ? 0.5 : 0.6)) : compared);
                }
            }
            if (options.runs("e2e")) {
                scenarios.add(new EndToEndScenario(broker.bootstrapServers(), options, progress).run()
                        .aiming(Target.p99(50)));
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            String command = COMMAND + (options.commandLine().isEmpty() ? "" : " " + String.join(" ", options.commandLine()));
            BenchReport report = new BenchReport(machine, command, options.smoke(), started.toString(), wall,
                    limit.get(0), limit.get(1), scenarios, probeBase, probe);
            Path markdown = options.out().resolve("benchmarks.md");
            String analysis = Files.exists(markdown) ? MarkdownReport.analysisOf(Files.readString(markdown)) : "";
            Files.writeString(markdown, MarkdownReport.render(report) + analysis);
            JsonReport.write(report, options.out().resolve("benchmarks.json"));
            ChartReport.write(report, options.out().resolve("benchmarks.png"));
        }
        return options.out();
    }
}
