package io.eventsync.sandbox;

import io.eventsync.sandbox.ofsc.OfscSimulatorSettings;
import io.eventsync.sandbox.receiver.ReceiverSimulatorSettings;
import java.util.Map;
import java.util.Objects;

/**
 * What a sandbox run may vary. The environment variable names are the ones the services' own
 * configuration files read, so one set of variables means the same thing to all of them.
 *
 * @param kafkaPort the broker's port on 127.0.0.1 (KAFKA_PORT); 0 takes any free port
 * @param gatewayPort the gateway's HTTP port (GATEWAY_PORT); 0 takes any free port
 * @param ingestPort ingest-ofsc's HTTP port, for its health and metrics (INGEST_PORT); 0 takes any free port
 * @param connectedServerName the name OMi authenticates with (OMI_CONNECTED_SERVER_NAME)
 * @param connectedServerPassword its password (OMI_CONNECTED_SERVER_PASSWORD)
 * @param ofsc the OFSC simulator (OFSC_SIM_PORT, OFSC_INSTANCE, OFSC_CLIENT_ID, OFSC_CLIENT_SECRET,
 *     OFSC_EVENTS_PER_SECOND, OFSC_RETENTION); ingest-ofsc reads it with its first client
 * @param egressPort egress-opsramp's HTTP port: its admin API, health and metrics (EGRESS_PORT)
 * @param receiver the receiver simulator egress delivers to (RECEIVER_PORT and RECEIVER_* credentials)
 * @param omiPort the OMi simulator's port (OMI_SIM_PORT): OMi's Event Synchronization Web Service, which
 *     sync-back calls, and the OPR client forwarding events to the gateway
 */
public record SandboxSettings(int kafkaPort, int gatewayPort, int ingestPort, String connectedServerName,
                              String connectedServerPassword, OfscSimulatorSettings ofsc, int egressPort,
                              ReceiverSimulatorSettings receiver, int omiPort) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_GATEWAY_PORT = 8080;
    public static final int DEFAULT_INGEST_PORT = 8081;
    public static final int DEFAULT_EGRESS_PORT = 8082;
    public static final int DEFAULT_OMI_PORT = 8092;
    public static final String DEFAULT_CONNECTED_SERVER_NAME = "omi";
    public static final String DEFAULT_CONNECTED_SERVER_PASSWORD = "omi-sandbox";

    public SandboxSettings {
        requirePort(kafkaPort, "Kafka port");
        requirePort(gatewayPort, "gateway port");
        requirePort(ingestPort, "ingest port");
        requirePort(egressPort, "egress port");
        requirePort(omiPort, "OMi simulator port");
        Objects.requireNonNull(ofsc, "ofsc");
        Objects.requireNonNull(receiver, "receiver");
        if (connectedServerName == null || connectedServerName.isBlank()) {
            throw new IllegalArgumentException("The connected server name must not be blank");
        }
        if (connectedServerPassword == null || connectedServerPassword.isBlank()) {
            throw new IllegalArgumentException("The connected server password must not be blank");
        }
    }

    public static SandboxSettings defaults() {
        return fromEnvironment(Map.of());
    }

    public static SandboxSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Blank variables count as unset: {@code KAFKA_PORT= java -jar ...} should not fail. */
    public static SandboxSettings fromEnvironment(Map<String, String> env) {
        return new SandboxSettings(
                port(env, "KAFKA_PORT", DEFAULT_KAFKA_PORT),
                port(env, "GATEWAY_PORT", DEFAULT_GATEWAY_PORT),
                port(env, "INGEST_PORT", DEFAULT_INGEST_PORT),
                text(env, "OMI_CONNECTED_SERVER_NAME", DEFAULT_CONNECTED_SERVER_NAME),
                text(env, "OMI_CONNECTED_SERVER_PASSWORD", DEFAULT_CONNECTED_SERVER_PASSWORD),
                OfscSimulatorSettings.fromEnvironment(env),
                port(env, "EGRESS_PORT", DEFAULT_EGRESS_PORT),
                ReceiverSimulatorSettings.fromEnvironment(env),
                port(env, "OMI_SIM_PORT", DEFAULT_OMI_PORT));
    }

    /** The client ingest-ofsc authenticates as: the simulator's first. */
    public Map.Entry<String, String> ofscClient() {
        return ofsc.clients().entrySet().iterator().next();
    }

    @Override
    public String toString() {
        return "SandboxSettings[kafkaPort=" + kafkaPort + ", gatewayPort=" + gatewayPort + ", ingestPort="
                + ingestPort + ", connectedServerName=" + connectedServerName + ", connectedServerPassword=******"
                + ", ofsc=" + ofsc + ", egressPort=" + egressPort + ", receiver=" + receiver + ", omiPort=" + omiPort + "]";
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = text(env, name, Integer.toString(fallback));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'", e);
        }
    }

    private static String text(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void requirePort(int port, String what) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The " + what + " must be between 0 and 65535, not " + port);
        }
    }
}
