package io.eventsync.egress.entity;

import io.eventsync.egress.route.Entity;
import io.eventsync.egress.route.EventType;
import tools.jackson.databind.JsonNode;

/**
 * An eventsync event seen as an OpsRamp entity and the action on it: what routes select on.
 *
 * @param record the record's value as read once from Kafka, for senders that forward the record
 *     itself rather than the view; shared, never changed
 */
public record EntityEvent(Entity entity, EventType action, EventView view, JsonNode record) {
}
