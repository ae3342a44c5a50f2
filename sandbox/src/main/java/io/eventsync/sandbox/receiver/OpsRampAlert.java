package io.eventsync.sandbox.receiver;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One alert the OpsRamp API accepted.
 *
 * @param tenantId the tenant from the path ({@code /api/v2/tenants/{tenantId}/alert[s]})
 * @param eventId the id the answer gave it
 * @param alert the alert as sent (a copy on every access)
 */
public record OpsRampAlert(String tenantId, String eventId, ObjectNode alert) {

    public OpsRampAlert {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(eventId, "eventId");
        alert = alert.deepCopy();
    }

    @Override
    public ObjectNode alert() {
        return alert.deepCopy();
    }

    /** A text field of the alert, or null. */
    public String field(String name) {
        return alert.path(name).isString() ? alert.get(name).stringValue() : null;
    }
}
