package io.eventsync.contracts.ofsc;

import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The Kafka key of an OFSC event: the entity it is about, as {@code <kind>:<id>}, so every event of
 * one activity (resource, inventory item, ...) lands on one partition in the order OFSC gave them.
 * The kind prefix keeps activity 42 and resource 42 apart. Part of the topic contract
 * (docs/topics.md lists the rules).
 *
 * <p>Rules are tried in order; the first whose event types match and whose field is present wins.
 * An event none of them places (a type OFSC adds later, a field missing) is keyed by its
 * subscription, which still keeps it in order with everything else that fell through.
 */
public final class OfscEntityKeys {

    private static final List<KeyRule> RULES = List.of(
            rule(type -> type.startsWith("activityLink"), "activity", "/fromActivityDetails/activityId"),
            rule(OfscEntityKeys::isInventoryEvent, "inventory", "/inventoryDetails/inventoryId"),
            rule(type -> type.startsWith("route"), "route", "/routeChanges/resourceId", "/routeChanges/date"),
            rule("routingRun"::equals, "routing-run", "/routingRunDetails/routingRunId"),
            rule(type -> type.startsWith("resource") && !type.startsWith("resourcePreference")
                    && !type.equals("resourceRequestCreated"), "resource", "/resourceDetails/resourceId"),
            rule(type -> type.startsWith("user"), "user", "/userDetails/login"),
            rule(type -> type.startsWith("chat") || type.equals("transactionUpdated"), "chat", "/chat/chatId"),
            // Everything else that names an activity (activity*, resourcePreference*, requests, forms,
            // and inventory events without an inventory id) stays with that activity.
            rule(type -> true, "activity", "/activityDetails/activityId"),
            rule(type -> true, "resource", "/resourceDetails/resourceId"));

    private OfscEntityKeys() {
    }

    public static String keyOf(JsonNode event, String subscriptionId) {
        String eventType = event.path("eventType").asString("");
        for (KeyRule rule : RULES) {
            if (rule.appliesTo().test(eventType)) {
                String id = rule.idOf(event);
                if (id != null) {
                    return rule.kind() + ":" + id;
                }
            }
        }
        return "subscription:" + subscriptionId;
    }

    private static boolean isInventoryEvent(String type) {
        return type.startsWith("inventory") && !type.equals("inventoryRequestCreated")
                || type.startsWith("requiredInventory") || type.startsWith("customerInventory")
                || type.startsWith("resourceInventory");
    }

    private static KeyRule rule(Predicate<String> appliesTo, String kind, String... pointers) {
        return new KeyRule(appliesTo, kind, List.of(pointers));
    }

    /** All pointers must resolve to a scalar; a composite id (a route is resource and day) joins them. */
    private record KeyRule(Predicate<String> appliesTo, String kind, List<String> pointers) {

        String idOf(JsonNode event) {
            StringBuilder id = new StringBuilder();
            for (String pointer : pointers) {
                JsonNode value = event.at(pointer);
                if (!value.isValueNode() || value.isNull() || value.asString().isBlank()) {
                    return null;
                }
                if (!id.isEmpty()) {
                    id.append(':');
                }
                id.append(value.asString());
            }
            return id.toString();
        }
    }
}
