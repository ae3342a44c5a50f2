package io.eventsync.egress.routes;

/** Where a route lives: tenant, installed integration, id. Its text form is the route topic's key. */
public record RouteKey(String tenant, String integration, String id) {

    public String text() {
        return tenant + "/" + integration + "/" + id;
    }
}
