package io.eventsync.egress.entity;

import io.eventsync.contracts.ofsc.OfscEntityKeys;
import io.eventsync.egress.route.Entity;
import io.eventsync.egress.route.EventType;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Oracle Field Service events ({@code ofsc.events}, the event as OFSC sent it) as OpsRamp entities:
 * activities are TASKs, resources (technicians) and inventory are RESOURCEs, customer, inventory
 * and resource requests are SERVICEREQUESTs. Routes, routing runs, users, chats, forms and
 * broadcasts are no OpsRamp entity and reach no route.
 *
 * <p>The view is the OFSC event with, beside its own fields, {@code id} (the entity's id),
 * {@code subject} ({@code <eventType> <id>}); {@code eventType} and {@code time} are OFSC's own.
 */
final class OfscViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    List<EntityEvent> map(JsonNode event) {
        String type = event.path("eventType").asString("");
        return classify(type).map(kind -> List.of(new EntityEvent(kind.entity(), kind.action(), viewOf(event, type), event)))
                .orElse(List.of());
    }

    private static Optional<Kind> classify(String type) {
        if (type.endsWith("RequestCreated")) {
            return Optional.of(new Kind(Entity.SERVICEREQUEST, EventType.CREATE));
        }
        if (type.startsWith("activity")) {
            return Optional.of(new Kind(Entity.TASK, action(type)));
        }
        boolean inventory = type.startsWith("inventory") || type.contains("Inventory");
        boolean resource = type.startsWith("resource") && !type.startsWith("resourcePreference");
        if (inventory || resource) {
            return Optional.of(new Kind(Entity.RESOURCE, action(type)));
        }
        return Optional.empty();
    }

    /** By the type's verb: created (and installed) → CREATE, deleted (and deinstalled) → DELETE. */
    private static EventType action(String type) {
        if (type.endsWith("Created") && !type.startsWith("activityLink") || type.equals("inventoryInstalled")) {
            return EventType.CREATE;
        }
        if (type.endsWith("Deleted") && !type.startsWith("activityLink") || type.equals("inventoryDeinstalled")) {
            return EventType.DELETE;
        }
        return EventType.UPDATE;
    }

    private static EventView viewOf(JsonNode event, String type) {
        ObjectNode view = JSON.createObjectNode();
        String key = OfscEntityKeys.keyOf(event, "");
        String id = key.substring(key.indexOf(':') + 1);
        view.put("id", id);
        view.put("subject", type + " " + id);
        event.properties().forEach(field -> {
            if (!view.has(field.getKey())) {
                view.set(field.getKey(), field.getValue());
            }
        });
        return new EventView(view);
    }

    private record Kind(Entity entity, EventType action) {
    }
}
