package io.eventsync.contracts.ofsc;

import java.util.List;
import java.util.Set;

/** The event types OFSC's "Get events" call can return (seed 003, Event Generic Fields). */
public final class OfscEventTypes {

    /** In the seed's order. */
    public static final List<String> ALL = List.of(
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

    private OfscEventTypes() {
    }

    public static boolean isKnown(String eventType) {
        return eventType != null && KNOWN.contains(eventType);
    }
}
