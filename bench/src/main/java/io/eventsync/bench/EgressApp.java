package io.eventsync.bench;

import io.eventsync.egress.EgressApplication;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real egress-opsramp application in this JVM with one route from configuration, reading one drain's
 * topics and delivering to the receiver simulator. Delivery settings are egress's defaults.
 */
final class EgressApp implements AutoCloseable {

    static final String TENANT = "client_1";
    static final String INTEGRATION = "INTG-bench";
    /** egress's default {@code eventsync.egress.delivery.group-prefix}. */
    private static final String GROUP_PREFIX = "eventsync-egress.";

    private final ConfigurableApplicationContext context;

    private EgressApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static String group(String routeId) {
        return GROUP_PREFIX + routeId;
    }

    static EgressApp start(String bootstrapServers, EgressTopics topics, EgressVariant variant, String routeId,
                           URI receiver) {
        return start(bootstrapServers, topics, variant, routeId, receiver, List.of());
    }

    /** @param settings further {@code --name=value} arguments, e.g. a delivery setting a scenario tunes */
    static EgressApp start(String bootstrapServers, EgressTopics topics, EgressVariant variant, String routeId,
                           URI receiver, List<String> settings) {
        String prefix = "--eventsync.egress.routes[0].";
        // Command-line arguments outrank the app's own yml and any EVENTSYNC_* variables in the shell.
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--eventsync.kafka.bootstrap-servers=" + bootstrapServers,
                "--eventsync.egress.route-topic=" + topics.routes(),
                "--eventsync.egress.delivery.topics=" + topics.source(),
                "--eventsync.egress.delivery.dead-letter-topic=" + topics.deadLetters(),
                "--eventsync.egress.delivery.replay-topic=" + topics.replay(),
                "--eventsync.egress.allowlist=" + receiver.getHost() + ":" + receiver.getPort(),
                "--eventsync.egress.sync-back.enabled=false",
                "--eventsync.egress.tenants[0].id=" + TENANT,
                "--eventsync.egress.tenants[0].integrations[0].id=" + INTEGRATION,
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.type=REST_API",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.authType=NONE",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.baseURI=" + receiver,
                prefix + "tenant=" + TENANT,
                prefix + "integration=" + INTEGRATION,
                prefix + "id=" + routeId,
                prefix + "definition.name=bench " + variant.name(),
                prefix + "definition.entity=ALERT",
                prefix + "definition.eventType=NONE",
                // Request logs at INFO would measure the console, not egress.
                "--logging.level.root=WARN",
                "--logging.register-shutdown-hook=false"));
        variant.definition(receiver).forEach(setting -> arguments.add(prefix + "definition." + setting));
        arguments.addAll(settings);
        return new EgressApp(EgressApplication.application()
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
