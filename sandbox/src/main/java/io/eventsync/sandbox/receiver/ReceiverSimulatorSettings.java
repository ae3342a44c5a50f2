package io.eventsync.sandbox.receiver;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * What a receiver simulator run may vary. Every value is checked here, once, so a bad one fails before a
 * port is bound, with a message naming the setting; {@link #fromEnvironment(Map)} names the variable.
 *
 * @param port the HTTP port on 127.0.0.1; 0 takes any free port
 * @param oprBasic the connected server's Basic credentials OMi would send to {@code /opr}; null: no
 *     authentication, as a target may be configured in OMi
 * @param webhookBasic what {@code /hooks/basic/**} accepts
 * @param oauthClient the one client {@code POST /oauth/token} knows
 * @param oauthUser the resource owner of the {@code password} grant
 * @param opsRampClient the API key and secret {@code POST /auth/oauth/token} accepts
 * @param tokenLifetime how long an access token from either token endpoint is accepted; at least a second,
 *     since {@code expires_in} is in whole seconds
 * @param randomSeed makes {@link Faults#failRandomly} repeatable
 * @param clock what token expiry and recorded request times are measured by
 */
public record ReceiverSimulatorSettings(int port, Credentials oprBasic, Credentials webhookBasic,
                                        Credentials oauthClient, Credentials oauthUser, Credentials opsRampClient,
                                        Duration tokenLifetime, long randomSeed, Clock clock) {

    public static final int DEFAULT_PORT = 8091;
    public static final Credentials DEFAULT_WEBHOOK_BASIC = new Credentials("webhook", "webhook-sandbox");
    public static final Credentials DEFAULT_OAUTH_CLIENT = new Credentials("eventsync", "oauth-sandbox");
    public static final Credentials DEFAULT_OAUTH_USER = new Credentials("operator", "operator-sandbox");
    public static final Credentials DEFAULT_OPSRAMP_CLIENT = new Credentials("opsramp-key", "opsramp-sandbox");
    /** OpsRamp's own tokens last about two hours (PROTOCOLS.md, "OpsRamp"). */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(2);
    public static final long DEFAULT_SEED = 20_091_000L;

    public ReceiverSimulatorSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535, not " + port);
        }
        Objects.requireNonNull(webhookBasic, "webhookBasic");
        Objects.requireNonNull(oauthClient, "oauthClient");
        Objects.requireNonNull(oauthUser, "oauthUser");
        Objects.requireNonNull(opsRampClient, "opsRampClient");
        if (tokenLifetime == null || tokenLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("The token lifetime must be at least one second, not " + tokenLifetime);
        }
        Objects.requireNonNull(clock, "clock");
    }

    public static ReceiverSimulatorSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads {@code RECEIVER_PORT}, {@code RECEIVER_OPR_USER} and {@code RECEIVER_OPR_PASSWORD} (both or
     * neither), {@code RECEIVER_HOOK_USER}, {@code RECEIVER_HOOK_PASSWORD}, {@code RECEIVER_OAUTH_CLIENT_ID},
     * {@code RECEIVER_OAUTH_CLIENT_SECRET}, {@code RECEIVER_OAUTH_USER}, {@code RECEIVER_OAUTH_PASSWORD},
     * {@code RECEIVER_OPSRAMP_CLIENT_ID}, {@code RECEIVER_OPSRAMP_CLIENT_SECRET} and
     * {@code RECEIVER_TOKEN_LIFETIME} (ISO-8601, such as {@code PT2H}). Blank counts as unset.
     */
    public static ReceiverSimulatorSettings fromEnvironment(Map<String, String> env) {
        EnvironmentReader read = new EnvironmentReader(env);
        return builder()
                .port(read.port("RECEIVER_PORT", DEFAULT_PORT))
                .oprBasic(read.optionalCredentials("RECEIVER_OPR_USER", "RECEIVER_OPR_PASSWORD"))
                .webhookBasic(read.credentials("RECEIVER_HOOK_USER", "RECEIVER_HOOK_PASSWORD", DEFAULT_WEBHOOK_BASIC))
                .oauthClient(read.credentials("RECEIVER_OAUTH_CLIENT_ID", "RECEIVER_OAUTH_CLIENT_SECRET",
                        DEFAULT_OAUTH_CLIENT))
                .oauthUser(read.credentials("RECEIVER_OAUTH_USER", "RECEIVER_OAUTH_PASSWORD", DEFAULT_OAUTH_USER))
                .opsRampClient(read.credentials("RECEIVER_OPSRAMP_CLIENT_ID", "RECEIVER_OPSRAMP_CLIENT_SECRET",
                        DEFAULT_OPSRAMP_CLIENT))
                .tokenLifetime(read.duration("RECEIVER_TOKEN_LIFETIME", DEFAULT_TOKEN_LIFETIME))
                .build();
    }

    public static ReceiverSimulatorSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Builds with fluent setters; starts from the defaults, and {@link #build()} validates. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private Credentials oprBasic;
        private Credentials webhookBasic = DEFAULT_WEBHOOK_BASIC;
        private Credentials oauthClient = DEFAULT_OAUTH_CLIENT;
        private Credentials oauthUser = DEFAULT_OAUTH_USER;
        private Credentials opsRampClient = DEFAULT_OPSRAMP_CLIENT;
        private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
        private long randomSeed = DEFAULT_SEED;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        private Builder(ReceiverSimulatorSettings s) {
            port = s.port;
            oprBasic = s.oprBasic;
            webhookBasic = s.webhookBasic;
            oauthClient = s.oauthClient;
            oauthUser = s.oauthUser;
            opsRampClient = s.opsRampClient;
            tokenLifetime = s.tokenLifetime;
            randomSeed = s.randomSeed;
            clock = s.clock;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        /** Null turns authentication on {@code /opr} off again. */
        public Builder oprBasic(Credentials value) {
            oprBasic = value;
            return this;
        }

        public Builder oprBasic(String user, String password) {
            return oprBasic(new Credentials(user, password));
        }

        public Builder webhookBasic(Credentials value) {
            webhookBasic = value;
            return this;
        }

        public Builder webhookBasic(String user, String password) {
            return webhookBasic(new Credentials(user, password));
        }

        public Builder oauthClient(Credentials value) {
            oauthClient = value;
            return this;
        }

        public Builder oauthClient(String clientId, String clientSecret) {
            return oauthClient(new Credentials(clientId, clientSecret));
        }

        public Builder oauthUser(Credentials value) {
            oauthUser = value;
            return this;
        }

        public Builder oauthUser(String user, String password) {
            return oauthUser(new Credentials(user, password));
        }

        public Builder opsRampClient(Credentials value) {
            opsRampClient = value;
            return this;
        }

        public Builder opsRampClient(String clientId, String clientSecret) {
            return opsRampClient(new Credentials(clientId, clientSecret));
        }

        public Builder tokenLifetime(Duration value) {
            tokenLifetime = value;
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

        public ReceiverSimulatorSettings build() {
            return new ReceiverSimulatorSettings(port, oprBasic, webhookBasic, oauthClient, oauthUser,
                    opsRampClient, tokenLifetime, randomSeed, clock);
        }
    }

    /** Environment variables to typed values, each failure naming its variable. */
    private static final class EnvironmentReader {

        private final Map<String, String> env;

        EnvironmentReader(Map<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
        }

        int port(String name, int fallback) {
            String value = text(name);
            if (value == null) {
                return fallback;
            }
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below, with the variable's name
            }
            throw new IllegalArgumentException(name + " must be a port number between 0 and 65535 (0: any free one),"
                    + " not '" + value + "'");
        }

        Duration duration(String name, Duration fallback) {
            String value = text(name);
            if (value == null) {
                return fallback;
            }
            try {
                Duration duration = Duration.parse(value);
                if (duration.compareTo(Duration.ofSeconds(1)) >= 0) {
                    return duration;
                }
            } catch (DateTimeParseException e) {
                // reported below, with the variable's name
            }
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration of at least a second, such as"
                    + " PT2H or PT30S, not '" + value + "'");
        }

        Credentials credentials(String nameVariable, String secretVariable, Credentials fallback) {
            String name = text(nameVariable);
            String secret = text(secretVariable);
            return build(nameVariable, name == null ? fallback.name() : name,
                    secret == null ? fallback.secret() : secret);
        }

        /** Both or neither: a user without a password is a mistake, not a request for no authentication. */
        Credentials optionalCredentials(String nameVariable, String secretVariable) {
            String name = text(nameVariable);
            String secret = text(secretVariable);
            if (name == null && secret == null) {
                return null;
            }
            if (name == null || secret == null) {
                throw new IllegalArgumentException("Set both " + nameVariable + " and " + secretVariable
                        + ", or neither; " + (name == null ? nameVariable : secretVariable) + " is missing");
            }
            return build(nameVariable, name, secret);
        }

        private static Credentials build(String nameVariable, String name, String secret) {
            try {
                return new Credentials(name, secret);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(nameVariable + ": " + e.getMessage(), e);
            }
        }

        private String text(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
