package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.ChangeOperation;
import io.eventsync.contracts.opr.ChangedProperties;
import io.eventsync.contracts.opr.EventRef;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.PropertyChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@code event} document carrying changed fields ({@code PUT event/<id>}, {@code POST event_list}) as the
 * {@code event_change} that says the same, so both ways of syncing back are applied by one set of rules and
 * recorded alike. Each field present becomes one property change; custom attributes and annotations become
 * one {@code update} per entry, so entries the document leaves out stay.
 */
final class EventUpdates {

    /** Fields that say which event and which bulk item, not what changed. */
    private static final Set<String> IDENTITY = Set.of("id", "version", "sequence_number");
    private static final Map<String, String> LIST_ENTRIES = Map.of(
            "custom_attribute_list", "custom_attribute",
            "annotation_list", "annotation");

    private final JsonMapper json;

    EventUpdates(JsonMapper json) {
        this.json = json;
    }

    OprEventChange asChange(String omiId, OprEvent changed) {
        ObjectNode fields = json.valueToTree(changed);
        List<PropertyChange> changes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            String name = field.getKey();
            String entryName = LIST_ENTRIES.get(name);
            if (IDENTITY.contains(name)) {
                continue;
            }
            if (entryName == null) {
                changes.add(change(name, field.getValue(), null));
            } else {
                for (JsonNode entry : field.getValue().path(entryName)) {
                    changes.add(change(entryName, entry, ChangeOperation.UPDATE));
                }
            }
        }
        return new OprEventChange(null, changed.sequenceNumber(), new EventRef(omiId, null, null, null),
                new ChangedProperties(changes), Map.of());
    }

    private static PropertyChange change(String name, JsonNode value, ChangeOperation operation) {
        return new PropertyChange(PropertyChange.elementFor(name), name, value, null, operation);
    }
}
