package io.eventsync.egress.route;

/**
 * What kind of third party a route delivers to: an eventsync extension of seed 002, which has no
 * such field (OpsRamp knows its own targets). Chosen with {@code "delivery": {"kind": ...}}.
 */
public enum TargetKind {
    /** A templated request per event (or a JSON array per batch): seed 002's notifier as written. */
    WEBHOOK,
    /**
     * An OPR-compliant receiver (seed 000): the route's URL is the connected server's base;
     * OMi events go as bulk {@code POST /event}, changes as bulk {@code POST /event_change/}.
     */
    OPR,
    /**
     * OpsRamp's alert API: the route's URL is {@code .../api/v2/tenants/{tenantId}/alerts}; each
     * request is a JSON array of alerts, rendered by the route's template or, without one, built
     * from the ALERT view ({@code subject}, {@code currentState}, {@code serviceName}, {@code app},
     * {@code device.hostName}, ...).
     */
    OPSRAMP_ALERTS
}
