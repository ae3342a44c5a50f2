package io.eventsync.egress.route;

/** How eventsync authenticates to the third party (seed 002). */
public enum AuthType {
    NONE, BASIC, OAUTH2
}
