package io.eventsync.egress.route;

import java.util.Arrays;
import java.util.Optional;

/**
 * The action on the entity that triggers an integration event (seed 002's {@code eventType}).
 * {@code NONE} is "invoked from a workflow" in OpsRamp; here it means every action of the entity.
 */
public enum EventType {
    NONE, CREATE, UPDATE, DELETE;

    public boolean selects(EventType action) {
        return this == NONE || this == action;
    }

    public static Optional<EventType> parse(String text) {
        return text == null ? Optional.empty()
                : Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(text.trim())).findFirst();
    }
}
