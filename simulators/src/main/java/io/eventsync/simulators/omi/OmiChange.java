package io.eventsync.simulators.omi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A change OMi made to one of its events and forwards to the connected server: its own id, the OMi
 * event it changes, and the typed property changes in document order. Each property change is an
 * element named {@code <property>_property_change} with {@code property_name},
 * {@code current_value}, {@code previous_value} and, for list-valued properties,
 * {@code change_operation} ({@code add}, {@code remove}, {@code update}).
 */
public record OmiChange(String id, String omiEventId, List<OprNode> propertyChanges) {

    public OmiChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(omiEventId, "omiEventId");
        propertyChanges = List.copyOf(propertyChanges);
        if (propertyChanges.isEmpty()) {
            throw new IllegalArgumentException("a change changes at least one property");
        }
    }

    public static OmiChange of(String id, String omiEventId, OprNode... propertyChanges) {
        return new OmiChange(id, omiEventId, List.of(propertyChanges));
    }

    /** A scalar property set from {@code previous} to {@code current} ({@code null}: unset). */
    public static OprNode scalar(String property, String current, String previous) {
        List<OprNode> parts = new ArrayList<>();
        parts.add(OprNode.leaf("property_name", property));
        if (current != null) {
            parts.add(OprNode.leaf("current_value", current));
        }
        if (previous != null) {
            parts.add(OprNode.leaf("previous_value", previous));
        }
        return OprNode.branch(property + "_property_change", parts);
    }

    /** A structured property ({@code assigned_user}, ...) set to {@code current}'s children. */
    public static OprNode structured(String property, OprNode current) {
        return OprNode.branch(property + "_property_change", OprNode.leaf("property_name", property),
                current.renamed("current_value"));
    }

    /**
     * An entry of a list-valued property ({@code custom_attribute}: by {@code name};
     * {@code annotation}: by {@code id}) added, updated or removed; the entry's fields are the
     * children of {@code entry}.
     */
    public static OprNode listEntry(String property, String operation, OprNode entry) {
        return OprNode.branch(property + "_property_change", OprNode.leaf("property_name", property),
                OprNode.leaf("change_operation", operation), entry.renamed("current_value"));
    }

    /**
     * The {@code event_change} element OMi sends.
     *
     * @param eventRef the {@code event_ref} element, or null to leave it out
     * @param sequenceNumber its number in a bulk, or null for a single change
     */
    OprNode document(OprNode eventRef, Long sequenceNumber) {
        List<OprNode> parts = new ArrayList<>();
        parts.add(OprNode.leaf("id", id));
        if (sequenceNumber != null) {
            parts.add(OprNode.leaf("sequence_number", Long.toString(sequenceNumber)));
        }
        if (eventRef != null) {
            parts.add(eventRef);
        }
        parts.add(OprNode.branch("changed_properties", propertyChanges));
        return OprNode.branch("event_change", parts);
    }
}
