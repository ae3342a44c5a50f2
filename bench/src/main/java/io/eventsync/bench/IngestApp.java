package io.eventsync.bench;

import io.eventsync.ingest.IngestApplication;
import io.eventsync.sandbox.EmbeddedIngest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** The real ingest-ofsc application in this JVM, pointed at one run's simulator, subscriptions and topics. */
final class IngestApp implements AutoCloseable {

    static final int PAGE_SIZE = 1000;

    private final ConfigurableApplicationContext context;

    private IngestApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static IngestApp start(String bootstrapServers, IngestSimulator ofsc, IngestTopics topics,
            List<String> subscriptionIds) {
        // Command-line arguments outrank the service's own file and any EVENTSYNC_* variables in the shell.
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                // Graceful shutdown would hold every run's end for up to 20 s.
                "--server.shutdown=immediate",
                "--eventsync.kafka.bootstrap-servers=" + bootstrapServers,
                "--eventsync.ofsc.instance-url=" + ofsc.baseUrl(),
                "--eventsync.ofsc.instance=" + ofsc.settings().instanceName(),
                "--eventsync.ofsc.client-id=" + ofsc.clientId(),
                "--eventsync.ofsc.client-secret=" + ofsc.clientSecret(),
                "--eventsync.ingest.topic=" + topics.events(),
                "--eventsync.ingest.checkpoint-topic=" + topics.checkpoints(),
                "--eventsync.ingest.topic-partitions=" + topics.partitions(),
                "--eventsync.ingest.transactional-id-prefix=" + topics.transactionalIdPrefix(),
                "--eventsync.ingest.page-size=" + PAGE_SIZE,
                // A backlog gives full pages, followed at once; these only pace the empty polls at the end.
                "--eventsync.ingest.poll.busy-interval=100ms",
                "--eventsync.ingest.poll.quiet-interval=1s",
                "--eventsync.ingest.backoff.initial=100ms",
                "--eventsync.ingest.backoff.max=1s",
                "--spring.autoconfigure.exclude=" + String.join(",", EmbeddedIngest.SECURITY_AUTO_CONFIGURATIONS),
                // Per-session INFO lines would measure the console, not the poller.
                "--logging.level.root=WARN",
                "--logging.register-shutdown-hook=false"));
        for (int i = 0; i < subscriptionIds.size(); i++) {
            arguments.add("--eventsync.ingest.subscriptions[" + i + "].name=bench-" + (i + 1));
            arguments.add("--eventsync.ingest.subscriptions[" + i + "].id=" + subscriptionIds.get(i));
        }
        return new IngestApp(IngestApplication.application()
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new)));
    }

    @Override
    public void close() {
        context.close();
    }
}
