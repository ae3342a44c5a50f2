package io.eventsync.gateway.readmodel;

import io.eventsync.contracts.opr.OprEvent;

/**
 * An event as currently known: forwarded by {@code connectedServer}, with every change since
 * applied.
 */
public record KnownEvent(String connectedServer, String omiEventId, String externalId, OprEvent event) {

    public KnownEvent withEvent(OprEvent changed) {
        return new KnownEvent(connectedServer, omiEventId, externalId, changed);
    }

    public boolean forwardedBy(String server) {
        return connectedServer.equals(server);
    }
}
