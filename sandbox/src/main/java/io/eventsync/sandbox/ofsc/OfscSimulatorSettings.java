package io.eventsync.sandbox.ofsc;

import io.eventsync.contracts.ofsc.OfscEventTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an OFSC simulator run may vary. Every value is checked here, once, so a bad one fails before a
 * port is bound, with a message naming the setting.
 *
 * @param port the HTTP port on 127.0.0.1; 0 takes any free port
 * @param instanceName the OFSC instance name clients put after the {@code @} in their user name
 * @param clients client id to client secret; each may create and read its own subscriptions
 * @param eventsPerSecond the rate of {@link OfscSimulator#startGenerating()}; 0 generates nothing
 * @param eventMix event type to relative weight, for generated events; every type must be one OFSC
 *     knows (see the seed's allowed values)
 * @param activityPoolSize how many distinct activities generated events touch; small pools make many
 *     events hit the same entity, which is what per-key ordering needs to be tested against
 * @param resourcePoolSize how many distinct resources (technicians) generated events touch
 * @param inventoryPoolSize how many distinct inventory items generated events touch
 * @param extraPayloadBytes text added to each generated event (in a notes field), to test large events
 * @param randomSeed makes generated event content repeatable
 * @param retention how long events are kept; older ones are removed and markers pointing before them
 *     stop working
 * @param subscriptionIdleExpiry a subscription not read for this long is gone (404 afterwards)
 * @param maxSubscriptions subscriptions per instance; one more is refused with 503
 * @param rateLimitPerSecond requests per second and client before 429; 0 means no limit
 * @param responseLatency added before every {@code /rest/} answer, to model a distant server
 * @param tokenLifetime how long a bearer token from the token endpoint is accepted
 * @param clock the time events get and every expiry is measured against
 */
public record OfscSimulatorSettings(int port, String instanceName, Map<String, String> clients,
                                    double eventsPerSecond, Map<String, Integer> eventMix,
                                    int activityPoolSize, int resourcePoolSize, int inventoryPoolSize,
                                    int extraPayloadBytes, long randomSeed, Duration retention,
                                    Duration subscriptionIdleExpiry, int maxSubscriptions,
                                    int rateLimitPerSecond, Duration responseLatency, Duration tokenLifetime,
                                    Clock clock) {

    public static final int DEFAULT_PORT = 8090;
    public static final String DEFAULT_INSTANCE = "sandbox";
    public static final String DEFAULT_CLIENT_ID = "eventsync";
    public static final String DEFAULT_CLIENT_SECRET = "ofsc-sandbox";
    public static final double DEFAULT_EVENTS_PER_SECOND = 300;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    public static final Duration DEFAULT_IDLE_EXPIRY = Duration.ofHours(36);
    public static final int DEFAULT_MAX_SUBSCRIPTIONS = 100;
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(3600);
    public static final long DEFAULT_SEED = 20_160_425L;

    /** Activity events dominate, as they do on a real instance; the rest are there to be filtered out. */
    public static final Map<String, Integer> DEFAULT_EVENT_MIX = orderedCopy(mixOf(
            "activityUpdated", 30, "activityCreated", 12, "activityStarted", 10, "activityCompleted", 10,
            "activityMoved", 6, "inventoryInstalled", 8, "resourceUpdated", 6, "routeUpdated", 5,
            "routingRun", 2));

    public OfscSimulatorSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535, not " + port);
        }
        requireName(instanceName, "instance name");
        Objects.requireNonNull(clients, "clients");
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("At least one client is needed");
        }
        clients.forEach((id, secret) -> {
            requireName(id, "client id");
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("The secret of client " + id + " must not be blank");
            }
        });
        clients = orderedCopy(clients);
        if (!(eventsPerSecond >= 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("The events per second must be 0 or more, not " + eventsPerSecond);
        }
        Objects.requireNonNull(eventMix, "eventMix");
        if (eventMix.isEmpty()) {
            throw new IllegalArgumentException("The event mix must name at least one event type");
        }
        eventMix.forEach((type, weight) -> {
            if (!OfscEventTypes.isKnown(type)) {
                throw new IllegalArgumentException("The event mix names " + type + ", which is no OFSC event type");
            }
            if (weight == null || weight <= 0) {
                throw new IllegalArgumentException("The weight of " + type + " must be positive, not " + weight);
            }
        });
        eventMix = orderedCopy(eventMix);
        requirePositive(activityPoolSize, "activity pool size");
        requirePositive(resourcePoolSize, "resource pool size");
        requirePositive(inventoryPoolSize, "inventory pool size");
        if (extraPayloadBytes < 0 || extraPayloadBytes > 10_000_000) {
            throw new IllegalArgumentException("The extra payload bytes must be between 0 and 10000000, not "
                    + extraPayloadBytes);
        }
        requirePositive(retention, "retention");
        requirePositive(subscriptionIdleExpiry, "subscription idle expiry");
        requirePositive(maxSubscriptions, "max subscriptions");
        if (rateLimitPerSecond < 0) {
            throw new IllegalArgumentException("The rate limit must be 0 (none) or more, not " + rateLimitPerSecond);
        }
        Objects.requireNonNull(responseLatency, "responseLatency");
        if (responseLatency.isNegative()) {
            throw new IllegalArgumentException("The response latency must not be negative, not " + responseLatency);
        }
        requirePositive(tokenLifetime, "token lifetime");
        Objects.requireNonNull(clock, "clock");
    }

    public static OfscSimulatorSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads {@code OFSC_SIM_PORT}, {@code OFSC_INSTANCE}, {@code OFSC_CLIENT_ID},
     * {@code OFSC_CLIENT_SECRET}, {@code OFSC_EVENTS_PER_SECOND} and {@code OFSC_RETENTION} (an ISO-8601
     * duration such as {@code P7D} or {@code PT2H}); the rest keep their defaults. Blank counts as unset,
     * so {@code OFSC_SIM_PORT= java ...} does not fail.
     */
    public static OfscSimulatorSettings fromEnvironment(Map<String, String> env) {
        return builder()
                .port(port(env, "OFSC_SIM_PORT"))
                .instanceName(name(env, "OFSC_INSTANCE", DEFAULT_INSTANCE))
                .clients(Map.of(name(env, "OFSC_CLIENT_ID", DEFAULT_CLIENT_ID),
                        text(env, "OFSC_CLIENT_SECRET", DEFAULT_CLIENT_SECRET)))
                .eventsPerSecond(rate(env, "OFSC_EVENTS_PER_SECOND"))
                .retention(duration(env, "OFSC_RETENTION", DEFAULT_RETENTION))
                .build();
    }

    public static OfscSimulatorSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    @Override
    public String toString() {
        return "OfscSimulatorSettings[port=" + port + ", instanceName=" + instanceName
                + ", clients=" + clients.keySet() + " (secrets not shown), eventsPerSecond=" + eventsPerSecond
                + ", eventMix=" + eventMix + ", activityPoolSize=" + activityPoolSize
                + ", resourcePoolSize=" + resourcePoolSize + ", inventoryPoolSize=" + inventoryPoolSize
                + ", extraPayloadBytes=" + extraPayloadBytes + ", randomSeed=" + randomSeed
                + ", retention=" + retention + ", subscriptionIdleExpiry=" + subscriptionIdleExpiry
                + ", maxSubscriptions=" + maxSubscriptions + ", rateLimitPerSecond=" + rateLimitPerSecond
                + ", responseLatency=" + responseLatency + ", tokenLifetime=" + tokenLifetime
                + ", clock=" + clock + "]";
    }

    /** Fluent construction; starts from the defaults, and {@link #build()} validates. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private String instanceName = DEFAULT_INSTANCE;
        private Map<String, String> clients = Map.of(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
        private double eventsPerSecond = DEFAULT_EVENTS_PER_SECOND;
        private Map<String, Integer> eventMix = DEFAULT_EVENT_MIX;
        private int activityPoolSize = 200;
        private int resourcePoolSize = 40;
        private int inventoryPoolSize = 100;
        private int extraPayloadBytes;
        private long randomSeed = DEFAULT_SEED;
        private Duration retention = DEFAULT_RETENTION;
        private Duration subscriptionIdleExpiry = DEFAULT_IDLE_EXPIRY;
        private int maxSubscriptions = DEFAULT_MAX_SUBSCRIPTIONS;
        private int rateLimitPerSecond;
        private Duration responseLatency = Duration.ZERO;
        private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        private Builder(OfscSimulatorSettings s) {
            port = s.port;
            instanceName = s.instanceName;
            clients = s.clients;
            eventsPerSecond = s.eventsPerSecond;
            eventMix = s.eventMix;
            activityPoolSize = s.activityPoolSize;
            resourcePoolSize = s.resourcePoolSize;
            inventoryPoolSize = s.inventoryPoolSize;
            extraPayloadBytes = s.extraPayloadBytes;
            randomSeed = s.randomSeed;
            retention = s.retention;
            subscriptionIdleExpiry = s.subscriptionIdleExpiry;
            maxSubscriptions = s.maxSubscriptions;
            rateLimitPerSecond = s.rateLimitPerSecond;
            responseLatency = s.responseLatency;
            tokenLifetime = s.tokenLifetime;
            clock = s.clock;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder instanceName(String value) {
            instanceName = value;
            return this;
        }

        public Builder clients(Map<String, String> value) {
            clients = value;
            return this;
        }

        /** Adds (or replaces) one client, keeping the others. */
        public Builder client(String clientId, String secret) {
            Map<String, String> more = new LinkedHashMap<>(clients);
            more.put(clientId, secret);
            clients = more;
            return this;
        }

        public Builder eventsPerSecond(double value) {
            eventsPerSecond = value;
            return this;
        }

        public Builder eventMix(Map<String, Integer> value) {
            eventMix = value;
            return this;
        }

        public Builder entityPools(int activities, int resources, int inventories) {
            activityPoolSize = activities;
            resourcePoolSize = resources;
            inventoryPoolSize = inventories;
            return this;
        }

        public Builder extraPayloadBytes(int value) {
            extraPayloadBytes = value;
            return this;
        }

        public Builder randomSeed(long value) {
            randomSeed = value;
            return this;
        }

        public Builder retention(Duration value) {
            retention = value;
            return this;
        }

        public Builder subscriptionIdleExpiry(Duration value) {
            subscriptionIdleExpiry = value;
            return this;
        }

        public Builder maxSubscriptions(int value) {
            maxSubscriptions = value;
            return this;
        }

        public Builder rateLimitPerSecond(int value) {
            rateLimitPerSecond = value;
            return this;
        }

        public Builder responseLatency(Duration value) {
            responseLatency = value;
            return this;
        }

        public Builder tokenLifetime(Duration value) {
            tokenLifetime = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public OfscSimulatorSettings build() {
            return new OfscSimulatorSettings(port, instanceName, clients, eventsPerSecond, eventMix,
                    activityPoolSize, resourcePoolSize, inventoryPoolSize, extraPayloadBytes, randomSeed,
                    retention, subscriptionIdleExpiry, maxSubscriptions, rateLimitPerSecond, responseLatency,
                    tokenLifetime, clock);
        }
    }

    private static Map<String, Integer> mixOf(Object... typeWeightPairs) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        for (int i = 0; i < typeWeightPairs.length; i += 2) {
            mix.put((String) typeWeightPairs[i], (Integer) typeWeightPairs[i + 1]);
        }
        return mix;
    }

    /** Keeps the caller's order: the weighted choice walks the mix in order, so order is part of the seed. */
    private static <V> Map<String, V> orderedCopy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static int port(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a port number between 0 and 65535, not '" + value + "'");
    }

    private static double rate(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return DEFAULT_EVENTS_PER_SECOND;
        }
        try {
            double rate = Double.parseDouble(value.trim());
            if (rate >= 0 && !Double.isInfinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a number of events per second (0 or more), not '"
                + value + "'");
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(value.trim());
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a positive ISO-8601 duration such as P7D or PT2H, not '"
                + value + "'");
    }

    private static String name(Map<String, String> env, String name, String fallback) {
        String value = text(env, name, fallback);
        if (value.contains("@") || value.contains(":")) {
            throw new IllegalArgumentException(name + " must not contain '@' or ':', not '" + value + "'");
        }
        return value;
    }

    private static String text(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " must not be blank");
        }
        // Clients log in as "clientId@instance:secret", so neither name may hold the separators.
        if (value.contains("@") || value.contains(":")) {
            throw new IllegalArgumentException("The " + what + " must not contain '@' or ':', not '" + value + "'");
        }
    }

    private static void requirePositive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException("The " + what + " must be positive, not " + value);
        }
    }

    private static void requirePositive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("The " + what + " must be a positive duration, not " + value);
        }
    }
}
