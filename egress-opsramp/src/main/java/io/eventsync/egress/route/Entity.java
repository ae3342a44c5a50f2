package io.eventsync.egress.route;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The OpsRamp entities an integration event can be defined on (seed 002). Which eventsync events
 * each one sees is {@link io.eventsync.egress.entity.EntityMapping}'s business.
 */
public enum Entity {
    INCIDENT, SERVICEREQUEST, CHANGE, PROBLEM, TASK, RESOURCE, ALERT;

    /** The name placeholders use: {@code $incident.subject}. */
    public String placeholderName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Entity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().replace(" ", "").replace("_", "");
        return Arrays.stream(values()).filter(e -> e.name().equalsIgnoreCase(wanted)).findFirst();
    }
}
