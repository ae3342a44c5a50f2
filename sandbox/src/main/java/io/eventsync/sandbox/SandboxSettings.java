package io.eventsync.sandbox;

import java.util.Map;

/**
 * What a sandbox run may vary. The environment variable names are the ones the gateway's own
 * application.yml reads, so one set of variables means the same thing to both.
 *
 * @param kafkaPort the broker's port on 127.0.0.1 (KAFKA_PORT); 0 takes any free port
 * @param gatewayPort the gateway's HTTP port (GATEWAY_PORT); 0 takes any free port
 * @param connectedServerName the name OMi authenticates with (OMI_CONNECTED_SERVER_NAME)
 * @param connectedServerPassword its password (OMI_CONNECTED_SERVER_PASSWORD)
 */
public record SandboxSettings(int kafkaPort, int gatewayPort, String connectedServerName,
                              String connectedServerPassword) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_GATEWAY_PORT = 8080;
    public static final String DEFAULT_CONNECTED_SERVER_NAME = "omi";
    public static final String DEFAULT_CONNECTED_SERVER_PASSWORD = "omi-sandbox";

    public SandboxSettings {
        requirePort(kafkaPort, "Kafka port");
        requirePort(gatewayPort, "gateway port");
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
                text(env, "OMI_CONNECTED_SERVER_NAME", DEFAULT_CONNECTED_SERVER_NAME),
                text(env, "OMI_CONNECTED_SERVER_PASSWORD", DEFAULT_CONNECTED_SERVER_PASSWORD));
    }

    public SandboxSettings withPorts(int kafkaPort, int gatewayPort) {
        return new SandboxSettings(kafkaPort, gatewayPort, connectedServerName, connectedServerPassword);
    }

    @Override
    public String toString() {
        return "SandboxSettings[kafkaPort=" + kafkaPort + ", gatewayPort=" + gatewayPort
                + ", connectedServerName=" + connectedServerName + ", connectedServerPassword=******]";
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
