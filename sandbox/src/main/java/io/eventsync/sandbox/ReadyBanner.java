package io.eventsync.sandbox;

import io.eventsync.contracts.topic.Topics;
import io.eventsync.sandbox.ofsc.OfscSimulatorSettings;
import io.eventsync.sandbox.omi.OmiSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What someone who just started the sandbox needs to point OMi, curl or a consumer at it. */
final class ReadyBanner {

    /** The banner's last line begins so; whoever reads the console knows the banner is complete. */
    static final String LAST_LINE = " stop             Ctrl-C (or SIGTERM)";
    private static final String SAMPLE_SCRIPT = "sandbox/samples/forward-sample.sh";
    private static final String OFSC_SCRIPT = "sandbox/samples/show-ofsc-events.sh";
    private static final String SYNC_BACK_SCRIPT = "sandbox/samples/sync-back-sample.sh";

    private ReadyBanner() {
    }

    static String text(Sandbox sandbox) {
        SandboxSettings settings = sandbox.settings();
        String rule = "=".repeat(72);
        return String.join(System.lineSeparator(),
                "",
                rule,
                " eventsync sandbox is ready",
                rule,
                " Kafka bootstrap  " + sandbox.bootstrapServers(),
                "",
                " gateway (OMi -> " + Sandbox.TOPIC + ")",
                " OPR base URL     " + sandbox.oprBaseUrl(),
                " forward events   POST " + sandbox.oprBaseUrl() + "/event",
                " credentials      " + credentials(settings) + "   (HTTP Basic, the OMi connected server)",
                " health           " + sandbox.gatewayUrl() + "/actuator/health",
                " metrics          " + sandbox.gatewayUrl() + "/actuator/prometheus",
                " send the samples " + sampleCommand(sandbox),
                "",
                " ingest-ofsc (simulated OFSC -> " + Sandbox.OFSC_TOPIC + ")",
                " OFSC simulator   " + sandbox.ofscUrl() + "   (" + ofscClient(settings) + ", "
                        + eventRate(settings) + ")",
                " health           " + sandbox.ingestUrl() + "/actuator/health",
                " metrics          " + sandbox.ingestUrl() + "/actuator/prometheus",
                " see the events   " + kafkaEnvironment(sandbox) + OFSC_SCRIPT,
                "",
                " egress-opsramp (both topics -> receiver simulator)",
                " admin API        " + sandbox.egressUrl() + "/api/v2/tenants/" + EmbeddedEgress.TENANT
                        + "/integrations/installed/" + EmbeddedEgress.INTEGRATION + "/events",
                " admin token      POST " + sandbox.egressUrl() + "/auth/oauth/token   (client admin / admin-sandbox)",
                " health, metrics  " + sandbox.egressUrl() + "/actuator/health, /actuator/prometheus",
                " receiver         " + sandbox.receiverUrl() + "/sim/status   (OPR receiver at "
                        + sandbox.receiverUrl() + "/opr)",
                "",
                " sync-back (third party -> gateway -> " + Topics.OPR_SYNC_BACK + " -> egress -> OMi)",
                " post changes     POST " + sandbox.gatewayUrl() + "/sync-back   (HTTP Basic servicedesk / "
                        + "servicedesk-sandbox)",
                " OMi simulator    " + sandbox.omiUrl() + "/sim/events   (sync-back API at " + sandbox.omiUrl()
                        + OmiSimulator.BASE_PATH + ")",
                " run the loop     " + kafkaEnvironment(sandbox) + SYNC_BACK_SCRIPT,
                "",
                LAST_LINE + "; nothing is kept",
                rule,
                "");
    }

    /**
     * The sandbox's well-known default password is shown, as the README does; a password someone chose
     * is a secret and never echoed.
     */
    private static String credentials(SandboxSettings settings) {
        boolean defaultPassword = settings.connectedServerPassword()
                .equals(SandboxSettings.DEFAULT_CONNECTED_SERVER_PASSWORD);
        return settings.connectedServerName() + " / "
                + (defaultPassword ? settings.connectedServerPassword() : "(OMI_CONNECTED_SERVER_PASSWORD)");
    }

    /** Shown like the OMi credentials: the sandbox's well-known secret, or where a chosen one lives. */
    private static String ofscClient(SandboxSettings settings) {
        Map.Entry<String, String> client = settings.ofscClient();
        boolean defaultSecret = client.getValue().equals(OfscSimulatorSettings.DEFAULT_CLIENT_SECRET);
        return "client " + client.getKey() + "@" + settings.ofsc().instanceName() + " / "
                + (defaultSecret ? client.getValue() : "(OFSC_CLIENT_SECRET)");
    }

    private static String eventRate(SandboxSettings settings) {
        double rate = settings.ofsc().eventsPerSecond();
        return rate == Math.rint(rate) ? (long) rate + " events/s" : rate + " events/s";
    }

    /**
     * The scripts read the same variables as the sandbox, so non-default values go in front of them;
     * all but the password, which the shell that chose it already holds.
     */
    private static String sampleCommand(Sandbox sandbox) {
        SandboxSettings settings = sandbox.settings();
        SandboxSettings defaults = SandboxSettings.defaults();
        List<String> env = new ArrayList<>();
        if (sandbox.gatewayPort() != defaults.gatewayPort()) {
            env.add("GATEWAY_PORT=" + sandbox.gatewayPort());
        }
        if (!settings.connectedServerName().equals(defaults.connectedServerName())) {
            env.add("OMI_CONNECTED_SERVER_NAME='" + settings.connectedServerName() + "'");
        }
        env.add(SAMPLE_SCRIPT);
        return kafkaEnvironment(sandbox) + String.join(" ", env);
    }

    private static String kafkaEnvironment(Sandbox sandbox) {
        String defaultBootstrap = "localhost:" + SandboxSettings.DEFAULT_KAFKA_PORT;
        return sandbox.bootstrapServers().equals(defaultBootstrap) ? ""
                : "KAFKA_BOOTSTRAP_SERVERS=" + sandbox.bootstrapServers() + " ";
    }
}
