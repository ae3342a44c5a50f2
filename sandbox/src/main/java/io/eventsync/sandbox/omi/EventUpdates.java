package io.eventsync.sandbox.omi;

import io.eventsync.simulators.omi.OmiChange;
import io.eventsync.simulators.omi.OprNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private EventUpdates() {
    }

    static OprNode asChange(String omiId, OprNode changed) {
        List<OprNode> changes = new ArrayList<>();
        for (OprNode field : changed.children()) {
            String name = field.name();
            String entryName = LIST_ENTRIES.get(name);
            if (IDENTITY.contains(name)) {
                continue;
            }
            if (entryName != null) {
                field.children(entryName).forEach(entry -> changes.add(OmiChange.listEntry(entryName, "update", entry)));
            } else if (field.isLeaf()) {
                changes.add(OmiChange.scalar(name, field.text(), null));
            } else {
                changes.add(OmiChange.structured(name, field));
            }
        }
        List<OprNode> parts = new ArrayList<>();
        changed.child("sequence_number").ifPresent(parts::add);
        parts.add(OprNode.branch("event_ref", OprNode.leaf("id", omiId)));
        parts.add(OprNode.branch("changed_properties", changes));
        return OprNode.branch("event_change", parts);
    }
}
