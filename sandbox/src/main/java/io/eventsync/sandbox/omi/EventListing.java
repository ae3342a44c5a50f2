package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.OprEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /sim/events}: every event OMi knows, oldest forwarded first, as a script following a run wants
 * it: whose it is, its state and title now, and how many changes connected servers synced back to it since
 * the last {@code clear()}, so that a sync-back arriving shows as a count going up.
 */
final class EventListing {

    private final ForwardedEvents events;
    /** The codec's mapper, so {@code state} is written as OPR spells it ({@code in_progress}). */
    private final JsonMapper json;

    EventListing(ForwardedEvents events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    SyncAnswer answer() {
        ArrayNode listing = json.createArrayNode();
        for (ForwardedEvents.Known known : events.known()) {
            OprEvent event = known.forwarded().event();
            ObjectNode item = listing.addObject()
                    .put("omi_event_id", event.id())
                    .put("external_id", known.forwarded().externalId())
                    .put("connected_server", known.forwarded().connectedServer());
            item.set("state", json.valueToTree(event.state()));
            item.put("title", event.title()).put("changes_received", known.changesReceived());
        }
        return SyncAnswer.json(json, listing);
    }
}
