package io.eventsync.bench;

import io.eventsync.gateway.GatewayApplication;
import io.eventsync.testkit.TemporaryFolders;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The real gateway application in this JVM, on a random port, pointed at the bench's broker. */
final class EmbeddedGateway implements AutoCloseable {

    static final String USER = "bench";
    static final String PASSWORD = "bench-password";

    private final ConfigurableApplicationContext context;

    private EmbeddedGateway(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static EmbeddedGateway start(String bootstrapServers, String topic, int partitions) {
        // Command-line arguments outrank application.yml and any EVENTSYNC_* variables in the shell.
        List<String> arguments = List.of(
                "--server.port=0",
                "--eventsync.kafka.bootstrap-servers=" + bootstrapServers,
                "--eventsync.gateway.topic=" + topic,
                // The read model's store belongs to this run's broker: a store from an earlier run would hold
                // events that broker never had.
                "--eventsync.gateway.read-model-dir=" + TemporaryFolders.fresh("eventsync-gateway-read-model-"),
                "--eventsync.gateway.topic-partitions=" + partitions,
                "--eventsync.gateway.sync-back.topic=" + topic + ".sync-back",
                "--eventsync.gateway.connected-servers[0].name=" + USER,
                "--eventsync.gateway.connected-servers[0].password=" + PASSWORD,
                // Request logs at INFO would measure the console, not the gateway.
                "--logging.level.root=WARN",
                "--logging.register-shutdown-hook=false");
        return new EmbeddedGateway(new SpringApplicationBuilder(GatewayApplication.class)
                .main(GatewayApplication.class)
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new)));
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
