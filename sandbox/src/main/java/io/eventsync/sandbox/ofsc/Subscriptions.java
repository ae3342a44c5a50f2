package io.eventsync.sandbox.ofsc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;

/**
 * Every live subscription of the instance. A subscription not used for the idle expiry is removed the
 * next time anyone looks, as OFSC drops unused ones; the limit counts live subscriptions only.
 */
final class Subscriptions {

    private final int max;
    private final Duration idleExpiry;
    private final Clock clock;
    private final SecureRandom ids = new SecureRandom();
    private final Map<String, Subscription> byId = new LinkedHashMap<>();

    Subscriptions(int max, Duration idleExpiry, Clock clock) {
        this.max = max;
        this.idleExpiry = idleExpiry;
        this.clock = clock;
    }

    synchronized Subscription create(String clientId, String title, ArrayNode config, Set<String> types,
                                     long position) {
        sweep();
        if (byId.size() >= max) {
            throw ApiProblem.unavailable("The instance already has " + max
                    + " subscriptions, the most it allows; delete one first");
        }
        byte[] random = new byte[20];
        ids.nextBytes(random);
        Subscription subscription = new Subscription(HexFormat.of().formatHex(random), clientId, title, config,
                types, position, clock.instant());
        byId.put(subscription.id(), subscription);
        return subscription;
    }

    synchronized Optional<Subscription> find(String id) {
        sweep();
        return Optional.ofNullable(byId.get(id));
    }

    synchronized boolean delete(String id) {
        sweep();
        return byId.remove(id) != null;
    }

    synchronized List<Subscription> all() {
        sweep();
        return new ArrayList<>(byId.values());
    }

    synchronized void sweep() {
        Instant cutoff = clock.instant().minus(idleExpiry);
        byId.values().removeIf(subscription -> !subscription.lastUsed().isAfter(cutoff));
    }
}
