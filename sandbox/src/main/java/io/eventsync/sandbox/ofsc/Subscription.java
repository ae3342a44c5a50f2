package io.eventsync.sandbox.ofsc;

import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;

/**
 * One client's subscription: which event types it sees, from which log position on, and the two
 * things reading changes: the position of its last successful page request ({@code lastRequested})
 * and when it was last used (for idle expiry).
 */
final class Subscription {

    private final String id;
    private final String clientId;
    private final String title;
    private final ArrayNode config;
    private final Set<String> eventTypes;
    private final long createdPosition;
    private final Instant created;
    private long lastRequested;
    private boolean everRequested;
    private Instant lastUsed;

    Subscription(String id, String clientId, String title, ArrayNode config, Set<String> eventTypes,
                 long createdPosition, Instant created) {
        this.id = id;
        this.clientId = clientId;
        this.title = title;
        this.config = config;
        this.eventTypes = Set.copyOf(eventTypes);
        this.createdPosition = createdPosition;
        this.created = created;
        this.lastRequested = createdPosition;
        this.lastUsed = created;
    }

    String id() {
        return id;
    }

    String clientId() {
        return clientId;
    }

    String title() {
        return title;
    }

    ArrayNode config() {
        return config.deepCopy();
    }

    boolean wants(String eventType) {
        return eventTypes.contains(eventType);
    }

    /** The subscription sees nothing appended before it existed; every read starts at or after this. */
    long createdPosition() {
        return createdPosition;
    }

    Instant created() {
        return created;
    }

    /** The position of the last successful page request, or the creation position before the first. */
    synchronized long lastRequested() {
        return lastRequested;
    }

    synchronized boolean everRequested() {
        return everRequested;
    }

    synchronized Instant lastUsed() {
        return lastUsed;
    }

    synchronized void requested(long position, Instant now) {
        lastRequested = position;
        everRequested = true;
        used(now);
    }

    synchronized void used(Instant now) {
        if (now.isAfter(lastUsed)) {
            lastUsed = now;
        }
    }
}
