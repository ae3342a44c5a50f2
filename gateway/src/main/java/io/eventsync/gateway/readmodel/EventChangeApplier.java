package io.eventsync.gateway.readmodel;

import io.eventsync.contracts.opr.ChangeOperation;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.PropertyChange;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies an event change to an event, in document order, giving "the event as currently known".
 * Works on the JSON tree of the event so that every property, including ones the model keeps in
 * its catch-all, can be changed by name. List-valued properties ({@code annotation},
 * {@code custom_attribute}) follow {@code change_operation}; entries are matched by id or name,
 * so applying the same change twice gives the same event.
 */
public final class EventChangeApplier {

    private static final String ANNOTATION = "annotation";
    private static final String CUSTOM_ATTRIBUTE = "custom_attribute";

    private final JsonMapper json;

    public EventChangeApplier(JsonMapper json) {
        this.json = json;
    }

    public OprEvent apply(OprEvent event, OprEventChange change) {
        if (change.changedProperties() == null) {
            return event;
        }
        ObjectNode tree = json.valueToTree(event);
        List<PropertyChange> changes = change.changedProperties().changes();
        for (int i = 0; i < changes.size(); i++) {
            PropertyChange property = changes.get(i);
            if (property.propertyName() == null || property.propertyName().isBlank()) {
                throw new ChangeNotApplicableException(i, "property_name is missing", null);
            }
            switch (property.propertyName()) {
                case ANNOTATION -> applyListEntry(tree, "annotation_list", ANNOTATION, "id", property);
                case CUSTOM_ATTRIBUTE -> applyListEntry(tree, "custom_attribute_list", CUSTOM_ATTRIBUTE, "name", property);
                case "id" -> throw new ChangeNotApplicableException(i, "an event's id cannot be changed", null);
                default -> {
                    if (property.currentValue() == null || property.currentValue().isNull()) {
                        tree.remove(property.propertyName());
                    } else {
                        tree.set(property.propertyName(), property.currentValue());
                    }
                }
            }
            try {
                json.treeToValue(tree, OprEvent.class);
            } catch (JacksonException e) {
                throw new ChangeNotApplicableException(i, "cannot set " + property.propertyName() + ": "
                        + e.getOriginalMessage(), e);
            }
        }
        return json.treeToValue(tree, OprEvent.class);
    }

    private static void applyListEntry(ObjectNode event, String listName, String itemName, String identity,
                                       PropertyChange change) {
        JsonNode entry = unwrap(change.currentValue() != null ? change.currentValue() : change.previousValue(), itemName);
        if (entry == null || !entry.isObject()) {
            return;
        }
        ObjectNode list = event.has(listName) && event.get(listName).isObject()
                ? (ObjectNode) event.get(listName) : event.putObject(listName);
        ArrayNode items = list.get(itemName) instanceof ArrayNode array ? array : list.putArray(itemName);
        String key = entry.path(identity).asString("");
        int existing = -1;
        for (int i = 0; i < items.size(); i++) {
            if (!key.isEmpty() && key.equals(items.get(i).path(identity).asString(""))) {
                existing = i;
            }
        }
        ChangeOperation op = change.changeOperation() == null ? ChangeOperation.UPDATE : change.changeOperation();
        if (op == ChangeOperation.REMOVE) {
            if (existing >= 0) {
                items.remove(existing);
            }
        } else if (existing >= 0) {
            items.set(existing, entry);
        } else {
            items.add(entry);
        }
    }

    /** A list entry may arrive bare ({@code {id, text}}) or inside its element name. */
    private static JsonNode unwrap(JsonNode value, String itemName) {
        if (value != null && value.isObject() && value.size() == 1 && value.has(itemName)) {
            return value.get(itemName);
        }
        return value;
    }
}
