package io.eventsync.egress.entity;

import io.eventsync.egress.route.Entity;
import io.eventsync.egress.route.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OMi events ({@code opr.events}, schema {@code eventsync.opr-record/v1}) as OpsRamp sees such
 * things: each one is both an ALERT and an INCIDENT, so a route names it the way its target does.
 * An {@code event} is a CREATE, an {@code event_change} an UPDATE whose view holds the changed
 * properties (their current values) and the event's ids.
 *
 * <p>The view has OpsRamp's names for what OMi has ({@code subject}, {@code description},
 * {@code currentState}, {@code priority.name}, {@code status}, {@code serviceName},
 * {@code resourceName}, ...) and, beside them, every field of the OMi event under its own name.
 */
final class OprViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> ALERT_STATES = Map.of("critical", "CRITICAL", "major", "CRITICAL",
            "minor", "WARNING", "warning", "WARNING", "normal", "OK", "unknown", "INFO");
    private static final Map<String, String> PRIORITIES = Map.of("none", "Very Low", "lowest", "Very Low",
            "low", "Low", "medium", "Normal", "high", "High", "highest", "Urgent");
    private static final Map<String, String> STATUSES = Map.of("open", "Open", "in_progress", "In Progress",
            "resolved", "Resolved", "closed", "Closed");

    List<EntityEvent> map(JsonNode record) {
        String kind = record.path("kind").asString("");
        ObjectNode event;
        EventType action;
        if ("event".equals(kind) && record.path("event").isObject()) {
            // Not copied: the view only refers to the event's nodes, and nothing changes them.
            event = (ObjectNode) record.get("event");
            action = EventType.CREATE;
        } else if ("event_change".equals(kind) && record.path("event_change").isObject()) {
            event = changedProperties(record.get("event_change"));
            action = EventType.UPDATE;
        } else {
            return List.of();
        }
        EventView view = new EventView(viewOf(record, event));
        return List.of(new EntityEvent(Entity.ALERT, action, view, record),
                new EntityEvent(Entity.INCIDENT, action, view, record));
    }

    /** {@code property_name: current_value} of each scalar property change, in document order. */
    private static ObjectNode changedProperties(JsonNode change) {
        ObjectNode changed = JSON.createObjectNode();
        for (JsonNode group : change.path("changed_properties")) {
            List<JsonNode> items = new ArrayList<>();
            if (group.isArray()) {
                group.forEach(items::add);
            } else {
                items.add(group);
            }
            for (JsonNode item : items) {
                JsonNode current = item.path("current_value");
                String name = item.path("property_name").asString("");
                if (!name.isEmpty() && current.isValueNode()) {
                    changed.set(name, current);
                }
            }
        }
        changed.set("event_change", change);
        return changed;
    }

    private static ObjectNode viewOf(JsonNode record, ObjectNode event) {
        ObjectNode view = JSON.createObjectNode();
        put(view, "id", record.path("omi_event_id"));
        put(view, "externalId", record.path("external_id"));
        put(view, "connectedServer", record.path("connected_server"));
        put(view, "subject", event.path("title"));
        put(view, "description", event.path("description"));
        mapped(view, "currentState", event.path("state").asString("").equals("closed") ? "normal"
                : event.path("severity").asString(""), ALERT_STATES);
        String priority = PRIORITIES.get(event.path("priority").asString(""));
        if (priority != null) {
            view.putObject("priority").put("name", priority);
        }
        mapped(view, "status", event.path("state").asString(""), STATUSES);
        put(view, "serviceName", firstOf(event.path("application"), event.path("category")));
        put(view, "component", event.path("object"));
        put(view, "alertType", event.path("etype"));
        put(view, "alertTime", event.path("time_created"));
        put(view, "extAlertId", record.path("omi_event_id"));
        view.put("app", "OMi");
        JsonNode node = event.path("node_ref").path("node");
        JsonNode ci = event.path("related_ci").path("configuration_item");
        put(view, "resourceName", firstOf(node.path("primary_dns_name"), ci.path("name")));
        put(view, "resourceId", firstOf(ci.path("id"), node.path("id")));
        // OMi's own fields, where OpsRamp's names did not take the name already.
        event.properties().forEach(field -> {
            if (!view.has(field.getKey())) {
                view.set(field.getKey(), field.getValue());
            }
        });
        return view;
    }

    private static JsonNode firstOf(JsonNode first, JsonNode second) {
        return first.isValueNode() && !first.asString("").isEmpty() ? first : second;
    }

    private static void put(ObjectNode view, String name, JsonNode value) {
        if (value != null && value.isValueNode() && !value.isNull()) {
            view.set(name, value);
        }
    }

    private static void mapped(ObjectNode view, String name, String value, Map<String, String> names) {
        String mapped = names.get(value);
        if (mapped != null) {
            view.put(name, mapped);
        }
    }
}
