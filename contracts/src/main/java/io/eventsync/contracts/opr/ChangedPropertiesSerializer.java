package io.eventsync.contracts.opr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes {@code changed_properties} as OMi does: one element per change, named by its type.
 * Changes of the same type are grouped under one name (an array in JSON, repeated elements in
 * XML) because JSON objects cannot repeat a name.
 */
final class ChangedPropertiesSerializer extends ValueSerializer<ChangedProperties> {

    @Override
    public void serialize(ChangedProperties value, JsonGenerator gen, SerializationContext ctxt)
            throws JacksonException {
        Map<String, List<PropertyChange>> byElement = new LinkedHashMap<>();
        for (PropertyChange change : value.changes()) {
            String element = change.element() != null ? change.element()
                    : PropertyChange.elementFor(change.propertyName());
            byElement.computeIfAbsent(element, k -> new ArrayList<>()).add(change);
        }
        gen.writeStartObject();
        for (Map.Entry<String, List<PropertyChange>> group : byElement.entrySet()) {
            gen.writeName(group.getKey());
            if (group.getValue().size() == 1) {
                gen.writePOJO(group.getValue().get(0));
            } else {
                gen.writeStartArray();
                for (PropertyChange change : group.getValue()) {
                    gen.writePOJO(change);
                }
                gen.writeEndArray();
            }
        }
        gen.writeEndObject();
    }
}
