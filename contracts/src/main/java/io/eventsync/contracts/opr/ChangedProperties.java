package io.eventsync.contracts.opr;

import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code changed_properties}: the property changes of one event change, in document order.
 * Read and written by {@code ChangedPropertiesDeserializer}/{@code ChangedPropertiesSerializer},
 * because OMi names each entry by its type rather than by a fixed element.
 */
@JsonSerialize(using = ChangedPropertiesSerializer.class)
@JsonDeserialize(using = ChangedPropertiesDeserializer.class)
public record ChangedProperties(List<PropertyChange> changes) {
    public ChangedProperties {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
