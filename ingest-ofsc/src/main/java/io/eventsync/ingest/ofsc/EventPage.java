package io.eventsync.ingest.ofsc;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One answer of "Get events".
 *
 * @param requestedPage the marker this page was fetched with
 * @param items the events, in OFSC's order
 * @param nextPage the marker for the next request
 */
public record EventPage(String requestedPage, List<JsonNode> items, String nextPage) {

    public EventPage {
        items = List.copyOf(items);
    }
}
