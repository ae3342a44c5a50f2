package io.eventsync.egress.entity;

import io.eventsync.egress.route.Entity;
import io.eventsync.egress.route.EventType;

/** An eventsync event seen as an OpsRamp entity and the action on it: what routes select on. */
public record EntityEvent(Entity entity, EventType action, EventView view) {
}
