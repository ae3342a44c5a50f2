package io.eventsync.sandbox;

import io.eventsync.contracts.topic.Topics;
import io.eventsync.egress.EgressApplication;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real egress-opsramp application, started inside the sandbox's JVM, with two routes from
 * configuration that forward both topics to the receiver simulator: OMi events and changes to its
 * OPR receiver, OFSC activity events to one of its webhooks (JSON arrays of up to 50); and sync-back
 * of third parties' changes to the OMi simulator, as the sandbox's connected server.
 */
final class EmbeddedEgress {

    static final String TENANT = "client_1";
    static final String INTEGRATION = "INTG-sandbox";
    static final String OMI_ROUTE = "sandbox-omi-to-opr-receiver";
    static final String OFSC_ROUTE = "sandbox-ofsc-activities-to-webhook";
    static final String OFSC_HOOK = "/hooks/open/ofsc-activities";
    private static final String ACTIVITY_TEMPLATE =
            "{\"activity\":\"$task.id\",\"type\":\"$task.eventType\",\"time\":\"$task.time\"}";

    private EmbeddedEgress() {
    }

    static ConfigurableApplicationContext start(SandboxSettings settings, String bootstrapServers, URI receiver,
                                                URI omiSync) {
        String receiverHost = receiver.getHost() + ":" + receiver.getPort();
        String omiHost = omiSync.getHost() + ":" + omiSync.getPort();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + settings.egressPort(),
                "--eventsync.kafka.bootstrap-servers=" + bootstrapServers,
                "--eventsync.egress.delivery.topics=" + Topics.OPR_EVENTS + "," + Topics.OFSC_EVENTS,
                "--eventsync.egress.allowlist=" + receiverHost + ",127.0.0.1:" + receiver.getPort() + "," + omiHost
                        + ",localhost:" + omiSync.getPort(),
                "--eventsync.egress.sync-back.enabled=true",
                "--eventsync.egress.sync-back.connected-servers[0].name=" + settings.connectedServerName(),
                "--eventsync.egress.sync-back.connected-servers[0].password=" + settings.connectedServerPassword(),
                "--eventsync.egress.sync-back.connected-servers[0].url=" + omiSync,
                "--eventsync.egress.tenants[0].id=" + TENANT,
                "--eventsync.egress.tenants[0].integrations[0].id=" + INTEGRATION,
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.type=REST_API",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.authType=NONE",
                "--eventsync.egress.tenants[0].integrations[0].base-notifier.baseURI=" + receiver,
                "--logging.register-shutdown-hook=false"));
        arguments.addAll(route(0, OMI_ROUTE, "OMi events to the OPR receiver", "ALERT", List.of(
                "notifier.type=REST_API", "notifier.authType=NONE", "notifier.baseURI=" + receiver.resolve("/opr"),
                "delivery.kind=OPR")));
        arguments.addAll(route(1, OFSC_ROUTE, "OFSC activities to a webhook", "TASK", List.of(
                "useBaseNotifier=true", "endPointURI=" + OFSC_HOOK, "thirdPartyEventType=POST",
                "payload=" + Base64.getEncoder().encodeToString(ACTIVITY_TEMPLATE.getBytes()),
                "headers[0].key=Content-Type", "headers[0].value=application/json",
                "delivery.kind=WEBHOOK", "delivery.batchSize=50")));
        return EgressApplication.application()
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new));
    }

    private static List<String> route(int index, String id, String name, String entity, List<String> definition) {
        String prefix = "--eventsync.egress.routes[" + index + "].";
        List<String> arguments = new ArrayList<>(List.of(prefix + "tenant=" + TENANT,
                prefix + "integration=" + INTEGRATION, prefix + "id=" + id,
                prefix + "definition.name=" + name, prefix + "definition.entity=" + entity,
                prefix + "definition.eventType=NONE"));
        definition.forEach(setting -> arguments.add(prefix + "definition." + setting));
        return arguments;
    }
}
