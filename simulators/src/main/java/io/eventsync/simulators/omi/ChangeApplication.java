package io.eventsync.simulators.omi;

import java.util.ArrayList;
import java.util.List;

/**
 * How OMi's own copy of an event evolves with a change: each property change in document order sets
 * its property to {@code current_value} (removes it when there is none); the list-valued
 * {@code custom_attribute} (by {@code name}) and {@code annotation} (by {@code id}) add, update or
 * remove one entry of {@code custom_attribute_list} / {@code annotation_list} by
 * {@code change_operation}. Written from the OPR data model, independently of eventsync's own rules,
 * so that it can judge what eventsync publishes as "the event after the change".
 */
public final class ChangeApplication {

    private ChangeApplication() {
    }

    public static OprNode apply(OprNode event, OmiChange change) {
        return apply(event, change.propertyChanges());
    }

    /**
     * Applies an {@code event_change} document (its {@code changed_properties}) as a connected server sent it.
     *
     * @throws IllegalArgumentException naming the entry when one has no {@code property_name}
     */
    public static OprNode apply(OprNode event, OprNode eventChange) {
        return apply(event, eventChange.child("changed_properties").map(OprNode::children).orElse(List.of()));
    }

    private static OprNode apply(OprNode event, List<OprNode> propertyChanges) {
        OprNode current = event;
        for (OprNode propertyChange : propertyChanges) {
            current = applyOne(current, propertyChange);
        }
        return current;
    }

    private static OprNode applyOne(OprNode event, OprNode propertyChange) {
        String property = propertyChange.textOf("property_name").orElseThrow(() ->
                new IllegalArgumentException(propertyChange.name() + " has no property_name"));
        OprNode value = propertyChange.child("current_value").orElse(null);
        return switch (property) {
            case "custom_attribute" -> listEntry(event, "custom_attribute", "name", propertyChange, value);
            case "annotation" -> listEntry(event, "annotation", "id", propertyChange, value);
            default -> {
                if (value == null) {
                    yield event.without(property);
                }
                yield event.with(value.renamed(property));
            }
        };
    }

    private static OprNode listEntry(OprNode event, String item, String key, OprNode propertyChange, OprNode value) {
        OprNode entryValue = value != null ? value : propertyChange.child("previous_value").orElse(null);
        if (entryValue == null || entryValue.isLeaf()) {
            return event;
        }
        OprNode entry = entryValue.renamed(item);
        String operation = propertyChange.textOf("change_operation").orElse("update");
        String listName = item + "_list";
        OprNode list = event.child(listName).filter(l -> !l.isLeaf()).orElse(OprNode.branch(listName));
        String entryKey = entry.textOf(key).orElse("");
        List<OprNode> entries = new ArrayList<>(list.children());
        int found = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (!entryKey.isEmpty() && entryKey.equals(entries.get(i).textOf(key).orElse(""))) {
                found = i;
            }
        }
        if ("remove".equals(operation)) {
            if (found >= 0) {
                entries.remove(found);
            }
        } else if (found >= 0) {
            entries.set(found, entry);
        } else {
            entries.add(entry);
        }
        return event.with(OprNode.branch(listName, entries));
    }
}
