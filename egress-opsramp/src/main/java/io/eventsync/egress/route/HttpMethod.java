package io.eventsync.egress.route;

/** Seed 002's {@code thirdPartyEventType}: the HTTP method of the call to the third party. */
public enum HttpMethod {
    POST, PUT, GET, DELETE, PATCH
}
