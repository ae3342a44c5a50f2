package io.eventsync.sandbox;

import io.eventsync.gateway.GatewayApplication;
import io.eventsync.testkit.TemporaryFolders;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The real gateway application, started inside the sandbox's JVM and pointed at its broker. */
final class EmbeddedGateway {

    private EmbeddedGateway() {
    }

    static ConfigurableApplicationContext start(SandboxSettings settings, String bootstrapServers, String topic) {
        // As command-line arguments these outrank application.yml and whatever EVENTSYNC_* variables
        // the shell happens to carry; default properties would lose to both.
        List<String> arguments = List.of(
                "--server.port=" + settings.gatewayPort(),
                "--eventsync.kafka.bootstrap-servers=" + bootstrapServers,
                "--eventsync.gateway.topic=" + topic,
                // The read model's store belongs to this run's broker: a store from an earlier run would hold
                // events that broker never had.
                "--eventsync.gateway.read-model-dir=" + TemporaryFolders.fresh("eventsync-gateway-read-model-"),
                "--eventsync.gateway.connected-servers[0].name=" + settings.connectedServerName(),
                "--eventsync.gateway.connected-servers[0].password=" + settings.connectedServerPassword(),
                // The sandbox's own shutdown hook closes the gateway before the broker it publishes to;
                // Spring's hooks would race that and could stop logging while the broker still talks.
                "--logging.register-shutdown-hook=false");
        return new SpringApplicationBuilder(GatewayApplication.class)
                .main(GatewayApplication.class)
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new));
    }
}
