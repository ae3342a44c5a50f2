package io.eventsync.sandbox;

import io.eventsync.ingest.IngestApplication;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** The real ingest-ofsc application, started inside the sandbox's JVM and pointed at its simulator and broker. */
public final class EmbeddedIngest {

    /**
     * What ingest-ofsc must leave out when it shares a classpath with the gateway: the gateway's Spring
     * Security would lock ingest's actuator behind a generated password (the sandbox, the bench).
     */
    public static final List<String> SECURITY_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive."
                    + "ReactiveManagementWebSecurityAutoConfiguration");

    private EmbeddedIngest() {
    }

    static ConfigurableApplicationContext start(SandboxSettings settings, String bootstrapServers, URI ofsc) {
        Map.Entry<String, String> client = settings.ofscClient();
        // Command-line arguments outrank the service's own file and stray EVENTSYNC_* variables, as for the
        // gateway. The sandbox's events come steadily, so polls are short: events reach the topic within a second.
        List<String> arguments = List.of(
                "--server.port=" + settings.ingestPort(),
                "--eventsync.kafka.bootstrap-servers=" + bootstrapServers,
                "--eventsync.ofsc.instance-url=" + ofsc,
                "--eventsync.ofsc.instance=" + settings.ofsc().instanceName(),
                "--eventsync.ofsc.client-id=" + client.getKey(),
                "--eventsync.ofsc.client-secret=" + client.getValue(),
                "--eventsync.ingest.poll.busy-interval=500ms",
                "--eventsync.ingest.poll.quiet-interval=5s",
                // ingest-ofsc ships without Spring Security and serves its actuator open, as when it runs alone.
                // Here the gateway's Spring Security shares the classpath and would lock ingest's metrics
                // behind a generated password.
                "--spring.autoconfigure.exclude=" + String.join(",", SECURITY_AUTO_CONFIGURATIONS),
                "--logging.register-shutdown-hook=false");
        return IngestApplication.application()
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new));
    }
}
