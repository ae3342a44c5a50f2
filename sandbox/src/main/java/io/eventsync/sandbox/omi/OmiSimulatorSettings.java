package io.eventsync.sandbox.omi;

import io.eventsync.sandbox.receiver.Credentials;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an OMi simulator run may vary. Every value is checked here, once, so a bad one fails before a port
 * is bound, with a message naming the setting.
 *
 * @param port the HTTP port on 127.0.0.1; 0 takes any free port
 * @param connectedServers the connected servers of type External Event Processing, by name: each name and
 *     password is what that server authenticates with at the synchronization web service, and what OMi
 *     sends when it forwards to it
 * @param gatewayUrl the connected server's base URL that {@code forward(...)} posts to (such as
 *     {@code http://localhost:8080/opr}); null when only the sync-back side is used
 * @param gatewayServer which connected server the gateway is: whose credentials forwarding sends and to
 *     whom forwarded events then belong; defaults to the only one when there is one
 * @param latency every request to the web service is answered this much later (real time)
 * @param randomSeed makes random failures ({@code faults(...).failRandomly}) repeatable
 * @param clock what recorded request times are measured by
 */
public record OmiSimulatorSettings(int port, Map<String, Credentials> connectedServers, URI gatewayUrl,
                                   String gatewayServer, Duration latency, long randomSeed, Clock clock) {

    public static final int DEFAULT_PORT = 8092;
    /** The sandbox's one connected server, the gateway's OMi credentials (sandbox README, "Settings"). */
    public static final Credentials DEFAULT_CONNECTED_SERVER = new Credentials("omi", "omi-sandbox");
    public static final long DEFAULT_SEED = 20_092_000L;

    public OmiSimulatorSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535, not " + port);
        }
        Objects.requireNonNull(connectedServers, "connectedServers");
        if (connectedServers.isEmpty()) {
            throw new IllegalArgumentException("connectedServers: at least one connected server is needed;"
                    + " nobody could authenticate otherwise");
        }
        connectedServers.forEach((name, credentials) -> {
            if (credentials == null || !credentials.name().equals(name)) {
                throw new IllegalArgumentException("connectedServers: the entry " + name + " must hold the"
                        + " credentials of " + name + ", not " + credentials);
            }
        });
        connectedServers = Collections.unmodifiableMap(new LinkedHashMap<>(connectedServers));
        if (gatewayUrl != null) {
            requireHttpUrl(gatewayUrl);
        }
        if (gatewayServer == null && connectedServers.size() == 1) {
            gatewayServer = connectedServers.keySet().iterator().next();
        }
        if (gatewayServer != null && !connectedServers.containsKey(gatewayServer)) {
            throw new IllegalArgumentException("gatewayServer: " + gatewayServer + " is none of the connected"
                    + " servers " + connectedServers.keySet());
        }
        if (gatewayUrl != null && gatewayServer == null) {
            throw new IllegalArgumentException("gatewayServer: with several connected servers "
                    + connectedServers.keySet() + ", name the one the gateway at " + gatewayUrl + " is");
        }
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("The latency must not be negative, not " + latency);
        }
        Objects.requireNonNull(clock, "clock");
    }

    public static OmiSimulatorSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The credentials forwarding sends: those of {@link #gatewayServer()}; null when it has none. */
    public Credentials gatewayCredentials() {
        return gatewayServer == null ? null : connectedServers.get(gatewayServer);
    }

    @Override
    public String toString() {
        return "OmiSimulatorSettings[port=" + port + ", connectedServers=" + connectedServers.values()
                + ", gatewayUrl=" + gatewayUrl + ", gatewayServer=" + gatewayServer + ", latency=" + latency + "]";
    }

    private static void requireHttpUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("gatewayUrl must be an absolute http or https URL, not " + url);
        }
    }

    /** Builds with fluent setters; starts from the defaults, and {@link #build()} validates. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private Map<String, Credentials> connectedServers = new LinkedHashMap<>(
                Map.of(DEFAULT_CONNECTED_SERVER.name(), DEFAULT_CONNECTED_SERVER));
        private URI gatewayUrl;
        private String gatewayServer;
        private Duration latency = Duration.ZERO;
        private long randomSeed = DEFAULT_SEED;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        /** Replaces every connected server with these, name to password, in this order. */
        public Builder connectedServers(Map<String, String> passwordsByName) {
            Objects.requireNonNull(passwordsByName, "connectedServers");
            connectedServers = new LinkedHashMap<>();
            passwordsByName.forEach(this::connectedServer);
            return this;
        }

        /** Adds a connected server, or gives a known one another password. */
        public Builder connectedServer(String name, String password) {
            connectedServers.put(name, new Credentials(name, password));
            return this;
        }

        /** Null for none: forwarding is then refused, sync-back still works. */
        public Builder gatewayUrl(URI value) {
            gatewayUrl = value;
            return this;
        }

        public Builder gatewayUrl(String value) {
            return gatewayUrl(value == null ? null : URI.create(value));
        }

        public Builder gatewayServer(String connectedServerName) {
            gatewayServer = connectedServerName;
            return this;
        }

        public Builder latency(Duration value) {
            latency = value;
            return this;
        }

        public Builder randomSeed(long value) {
            randomSeed = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public OmiSimulatorSettings build() {
            return new OmiSimulatorSettings(port, connectedServers, gatewayUrl, gatewayServer, latency, randomSeed,
                    clock);
        }
    }
}
