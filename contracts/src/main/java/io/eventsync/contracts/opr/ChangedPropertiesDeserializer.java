package io.eventsync.contracts.opr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads {@code changed_properties}. In XML each child element is one change named by its type
 * ({@code state_property_change}); repeated names arrive as an array. JSON uses the same shape,
 * or, leniently, a plain array of changes. Values written as {@code <current_value xsi:type="xs:string">}
 * come from the XML reader as an object with the text under the empty name: they are unwrapped.
 */
final class ChangedPropertiesDeserializer extends ValueDeserializer<ChangedProperties> {

    @Override
    public ChangedProperties deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        JsonNode tree = ctxt.readTree(p);
        List<PropertyChange> changes = new ArrayList<>();
        if (tree.isArray()) {
            for (JsonNode item : tree) {
                PropertyChange change = read(item, ctxt);
                changes.add(change.withElement(PropertyChange.elementFor(change.propertyName())));
            }
        } else if (tree.isObject()) {
            for (Map.Entry<String, JsonNode> entry : tree.properties()) {
                if (entry.getValue().isArray()) {
                    for (JsonNode item : entry.getValue()) {
                        changes.add(read(item, ctxt).withElement(entry.getKey()));
                    }
                } else if (entry.getValue().isObject()) {
                    changes.add(read(entry.getValue(), ctxt).withElement(entry.getKey()));
                }
            }
        }
        return new ChangedProperties(changes);
    }

    private static PropertyChange read(JsonNode item, DeserializationContext ctxt) {
        PropertyChange change = ctxt.readTreeAsValue(item, PropertyChange.class);
        return new PropertyChange(change.element(), change.propertyName(),
                unwrapTypedValue(change.currentValue()), unwrapTypedValue(change.previousValue()),
                change.changeOperation());
    }

    private static JsonNode unwrapTypedValue(JsonNode value) {
        if (!(value instanceof ObjectNode object)) {
            return value;
        }
        for (String name : object.propertyNames()) {
            if (!name.isEmpty() && !name.equals("type") && !name.equals("nil")) {
                return value;
            }
        }
        if (object.has("nil") && "true".equals(object.get("nil").asString())) {
            return null;
        }
        JsonNode text = object.get("");
        return text == null ? StringNode.valueOf("") : text;
    }
}
