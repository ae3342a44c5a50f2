package io.eventsync.sandbox.omi;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code GET /sim/events}: every event OMi knows, oldest forwarded first, as a script following a run wants
 * it: whose it is, its state and title now, and how many changes connected servers synced back to it since
 * the last {@code clear()}, so that a sync-back arriving shows as a count going up.
 */
final class EventListing {

    private final ForwardedEvents events;
    private final JsonMapper json;

    EventListing(ForwardedEvents events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    SyncAnswer answer() {
        ArrayNode listing = json.createArrayNode();
        for (ForwardedEvents.Known known : events.known()) {
            var event = known.forwarded().event();
            listing.addObject()
                    .put("omi_event_id", known.forwarded().omiId())
                    .put("external_id", known.forwarded().externalId())
                    .put("connected_server", known.forwarded().connectedServer())
                    .put("state", event.textOf("state").orElse(null))
                    .put("title", event.textOf("title").orElse(null))
                    .put("changes_received", known.changesReceived());
        }
        return SyncAnswer.json(json, listing);
    }
}
