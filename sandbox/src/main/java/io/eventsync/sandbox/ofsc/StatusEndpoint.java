package io.eventsync.sandbox.ofsc;

import io.eventsync.contracts.ofsc.OfscTime;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /sim/status}, without authentication: what a person looking at a running sandbox wants to
 * know (how much was appended and is retained, which subscriptions exist and where their readers are).
 * Not an OFSC call; it shows no secrets and no tokens.
 */
final class StatusEndpoint {

    private final EventLog log;
    private final Subscriptions subscriptions;
    private final PageMarkers markers;
    private final JsonMapper json;
    private final BooleanSupplier generating;

    StatusEndpoint(EventLog log, Subscriptions subscriptions, PageMarkers markers, JsonMapper json,
                   BooleanSupplier generating) {
        this.log = log;
        this.subscriptions = subscriptions;
        this.markers = markers;
        this.json = json;
        this.generating = generating;
    }

    ApiResponse answer() {
        ObjectNode status = json.createObjectNode();
        status.put("appended", log.head());
        status.put("retained", log.retained());
        status.put("oldestTime", log.oldestTime().map(OfscTime::format).orElse(null));
        status.put("headPage", markers.marker(log.head()));
        status.put("generating", generating.getAsBoolean());
        ArrayNode items = status.putArray("subscriptions");
        for (Subscription subscription : subscriptions.all()) {
            ObjectNode item = items.addObject();
            item.put("subscriptionId", subscription.id());
            item.put("client", subscription.clientId());
            item.put("subscriptionTitle", subscription.title());
            item.set("subscriptionConfig", subscription.config());
            item.put("created", OfscTime.format(subscription.created()));
            item.put("lastRequested", markers.marker(subscription.lastRequested()));
            item.put("pageRequested", subscription.everRequested());
            item.put("lastUsed", OfscTime.format(subscription.lastUsed()));
        }
        return ApiResponse.json(200, json.writeValueAsBytes(status));
    }
}
