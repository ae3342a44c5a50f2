package io.eventsync.egress.replay;

import io.eventsync.contracts.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar egress-opsramp-exec.jar replay --route ID [selection] [--dry-run]}: re-publishes a
 * route's dead letters to it after a fix. Runs without the service (plain Kafka clients), so an
 * operator can run it from any pod or laptop that reaches the broker.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends dead letters from the dead-letter topic back to the route that gave up on them.",
                "Every route reads the replay topic; only the named route delivers what it gets there, "
                        + "as its current definition says. Running a replay twice sends the letters twice: "
                        + "use --dry-run first."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:replayed (or listed, with --dry-run)", "1:Kafka failed or timed out", "2:bad options"})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
    private String bootstrapServers;

    @Option(names = "--client-config", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*) for both clients.")
    private Path clientConfig;

    @Option(names = "--route", required = true, paramLabel = "ID",
            description = "The route whose dead letters to replay (header eventsync-dlq-route).")
    private String route;

    @Option(names = "--status", split = ",", paramLabel = "CODE",
            description = "Only letters written with these target statuses (0 = no answer, -1 = not sent).")
    private Set<Integer> statuses = Set.of();

    @Option(names = "--source-topic", paramLabel = "TOPIC", description = "Only letters read from this topic.")
    private String sourceTopic;

    @Option(names = "--key", description = "Only letters with this record key (an OMi event id, an OFSC entity).")
    private String key;

    @Option(names = "--since", paramLabel = "INSTANT",
            description = "Only letters dead-lettered at or after this time (ISO-8601, e.g. 2026-12-01T09:00:00Z).")
    private Instant since;

    @Option(names = "--until", paramLabel = "INSTANT", description = "Only letters dead-lettered before this time.")
    private Instant until;

    @Option(names = "--dead-letter-topic", defaultValue = Topics.EGRESS_DLQ,
            description = "Default: ${DEFAULT-VALUE}.")
    private String deadLetterTopic;

    @Option(names = "--replay-topic", defaultValue = Topics.EGRESS_REPLAY, description = "Default: ${DEFAULT-VALUE}.")
    private String replayTopic;

    @Option(names = "--timeout", defaultValue = "PT30S", paramLabel = "DURATION",
            description = "How long reading may go without progress (ISO-8601 duration; default ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--dry-run", description = "List what would be replayed; send nothing.")
    private boolean dryRun;

    /** Runs the command as {@code main} would, and answers its exit code. */
    public static int run(String... args) {
        return new CommandLine(new ReplayCommand()).execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeadLetterSelection selection = new DeadLetterSelection(route, statuses, Optional.ofNullable(sourceTopic),
                Optional.ofNullable(key), Optional.ofNullable(since), Optional.ofNullable(until));
        Map<String, Object> common = commonConfig();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(common),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(common),
                     new StringSerializer(), new ByteArraySerializer())) {
            DeadLetterReplay replay = new DeadLetterReplay(consumer, producer, deadLetterTopic, replayTopic, timeout,
                    Clock.systemUTC());
            DeadLetterReplay.ReplayReport report = replay.replay(selection, dryRun, letter -> out.printf(
                    "%s %s key=%s status=%d source=%s dead-lettered=%s reason=%s%n",
                    dryRun ? "would replay" : "replaying", letter.position(), letter.key(), letter.status(),
                    letter.sourcePosition(), letter.deadLettered(), letter.reason()));
            out.printf("%s: %d dead letter(s) read, %d selected for route %s, %d replayed to %s%n",
                    dryRun ? "dry run" : "done", report.scanned(), report.selected(), route, report.replayed(),
                    replayTopic);
            out.flush();
            return 0;
        } catch (ExecutionException | KafkaException | IllegalStateException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            err.println("replay failed: " + cause.getMessage());
            err.flush();
            return 1;
        }
    }

    private Map<String, Object> commonConfig() throws IOException {
        Map<String, Object> config = new HashMap<>();
        if (clientConfig != null) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(clientConfig)) {
                properties.load(in);
            }
            properties.forEach((name, value) -> config.put(name.toString(), value));
        }
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "eventsync-dlq-replay");
        return config;
    }

    private Map<String, Object> consumerConfig(Map<String, Object> common) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return config;
    }

    private Map<String, Object> producerConfig(Map<String, Object> common) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        return config;
    }

    /** The same command with its output and errors written where the caller says. */
    public static int run(PrintWriter out, PrintWriter err, List<String> args) {
        return new CommandLine(new ReplayCommand()).setOut(out).setErr(err).execute(args.toArray(String[]::new));
    }
}
