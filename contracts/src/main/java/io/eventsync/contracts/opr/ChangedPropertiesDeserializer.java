package io.eventsync.contracts.opr;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads {@code changed_properties}, entry by entry in document order. In XML each child element is
 * one change named by its type ({@code state_property_change}), and one type may come again, next
 * to the first or further down. JSON uses the same shape: an entry type that comes again is an
 * array, or (as a streaming XML-to-JSON writer has it) the same member name once more, which only
 * here is not a duplicate but the next change; leniently, a plain array of changes is read too.
 * The entries are read off the token stream rather than from a tree, which would merge a name that
 * comes again and lose the document order. Values written as
 * {@code <current_value xsi:type="xs:string">} come from the XML reader as an object with the text
 * under the empty name: they are unwrapped.
 */
final class ChangedPropertiesDeserializer extends ValueDeserializer<ChangedProperties> {

    @Override
    public ChangedProperties deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        List<PropertyChange> changes = new ArrayList<>();
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonNode item = ctxt.readTree(p);
                if (item.isObject()) {
                    PropertyChange change = read(item, ctxt);
                    changes.add(change.withElement(PropertyChange.elementFor(change.propertyName())));
                }
            }
        } else if (token == JsonToken.START_OBJECT || token == JsonToken.PROPERTY_NAME) {
            String element = token == JsonToken.START_OBJECT ? p.nextName() : p.currentName();
            while (element != null) {
                readEntries(p, ctxt, element, changes);
                element = p.nextName();
            }
        } else {
            // An empty element (<changed_properties/>) reads as a text: no changes.
            p.skipChildren();
        }
        return new ChangedProperties(changes);
    }

    /** The value of one member: one change, or an array of changes of that type. */
    private static void readEntries(JsonParser p, DeserializationContext ctxt, String element,
                                    List<PropertyChange> changes) {
        JsonToken value = p.nextToken();
        if (value == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonNode item = ctxt.readTree(p);
                if (item.isObject()) {
                    changes.add(read(item, ctxt).withElement(element));
                }
            }
        } else if (value == JsonToken.START_OBJECT) {
            changes.add(read(ctxt.readTree(p), ctxt).withElement(element));
        } else {
            p.skipChildren();
        }
    }

    private static PropertyChange read(JsonNode item, DeserializationContext ctxt) {
        PropertyChange change = ctxt.readTreeAsValue(item, PropertyChange.class);
        return new PropertyChange(change.element(), change.propertyName(),
                unwrapTypedValue(change.currentValue()), unwrapTypedValue(change.previousValue()),
                change.changeOperation(), change.other());
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
