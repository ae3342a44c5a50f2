package io.eventsync.egress.delivery;

import io.eventsync.egress.entity.EntityEvent;

/**
 * One record a route selected, ready to send.
 *
 * @param sequence the item's number within the route's pipeline: the {@code sequence_number} of
 *     OPR bulks, and how the forwarding rules name items
 * @param body what the route renders for it (template, or the event view)
 */
public record Outgoing(long sequence, SourceRecord record, EntityEvent event, String body) {
}
