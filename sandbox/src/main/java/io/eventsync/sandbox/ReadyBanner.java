package io.eventsync.sandbox;

import java.util.ArrayList;
import java.util.List;

/** What someone who just started the sandbox needs to point OMi, curl or a consumer at it. */
final class ReadyBanner {

    /** The banner's last line begins so; whoever reads the console knows the banner is complete. */
    static final String LAST_LINE = " stop             Ctrl-C (or SIGTERM)";
    private static final String SAMPLE_SCRIPT = "sandbox/samples/forward-sample.sh";

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
                " OPR base URL     " + sandbox.oprBaseUrl(),
                " forward events   POST " + sandbox.oprBaseUrl() + "/event",
                " credentials      " + credentials(settings) + "   (HTTP Basic, the OMi connected server)",
                " Kafka bootstrap  " + sandbox.bootstrapServers(),
                " topic            " + Sandbox.TOPIC,
                " health           " + sandbox.gatewayUrl() + "/actuator/health",
                " metrics          " + sandbox.gatewayUrl() + "/actuator/prometheus",
                "",
                " send the samples " + sampleCommand(sandbox),
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

    /**
     * The script reads the same variables as the sandbox, so non-default values go in front of it;
     * all but the password, which the shell that chose it already holds.
     */
    private static String sampleCommand(Sandbox sandbox) {
        SandboxSettings settings = sandbox.settings();
        SandboxSettings defaults = SandboxSettings.defaults();
        List<String> env = new ArrayList<>();
        if (sandbox.gatewayPort() != defaults.gatewayPort()) {
            env.add("GATEWAY_PORT=" + sandbox.gatewayPort());
        }
        String defaultBootstrap = "localhost:" + defaults.kafkaPort();
        if (!sandbox.bootstrapServers().equals(defaultBootstrap)) {
            env.add("KAFKA_BOOTSTRAP_SERVERS=" + sandbox.bootstrapServers());
        }
        if (!settings.connectedServerName().equals(defaults.connectedServerName())) {
            env.add("OMI_CONNECTED_SERVER_NAME='" + settings.connectedServerName() + "'");
        }
        env.add(SAMPLE_SCRIPT);
        return String.join(" ", env);
    }
}
