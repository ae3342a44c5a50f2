package io.eventsync.sandbox.ofsc;

import java.util.List;
import java.util.Set;

/**
 * The event types OFSC documents: the allowed values of {@code eventType} in the "Get events"
 * reference (seed 003), in its order. A subscription may ask only for these.
 */
final class EventTypes {

    static final List<String> ALL = List.of(
            "activityCreated", "activityUpdated", "activityStarted", "activityTravelStarted",
            "activityTravelStopped", "activitySuspended", "activityCompleted", "activityNotDone",
            "activityCanceled", "activityDeleted", "activityDelayed", "activityReopened",
            "activityPreworkCreated", "activityLinkCreated", "activityLinkDeleted",
            "resourcePreferenceCreated", "resourcePreferenceDeleted", "requiredInventoryCreated",
            "requiredInventoryUpdated", "requiredInventoryDeleted", "inventoryInstalled",
            "inventoryDeinstalled", "customerInventoryCreated", "customerInventoryUpdated",
            "customerInventoryDeleted", "inventoryUndoInstall", "inventoryUndoDeinstall", "activityMoved",
            "routeCreated", "routeUpdated", "routeActivated", "routeDeactivated", "routeReactivated",
            "customerRequestCreated", "inventoryRequestCreated", "resourceRequestCreated", "chatUpdated",
            "chatMessageSent", "userUpdated", "userCreated", "userDeleted", "resourceUpdated",
            "resourceCreated", "transactionUpdated", "resourceInventoryCreated", "resourceInventoryUpdated",
            "resourceInventoryDeleted", "routingRun", "broadcastStatusUpdate", "formSubmitted");

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private EventTypes() {
    }

    static boolean isKnown(String type) {
        return type != null && KNOWN.contains(type);
    }
}
