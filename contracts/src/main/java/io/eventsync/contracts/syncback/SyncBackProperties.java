package io.eventsync.contracts.syncback;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.eventsync.contracts.opr.Annotation;
import io.eventsync.contracts.opr.CustomAttribute;
import io.eventsync.contracts.opr.OprGroup;
import io.eventsync.contracts.opr.OprUser;
import io.eventsync.contracts.opr.Priority;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import java.util.List;

/**
 * The properties a third party may change on an OMi event (those OMi's Event Synchronization Web
 * Service takes back, ../shared/design/PROTOCOLS.md); absent means unchanged. Custom attributes
 * are set (added or updated) by name; annotations are added.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"state", "severity", "priority", "title", "description", "assigned_user", "assigned_group",
        "custom_attributes", "annotations"})
public record SyncBackProperties(
        @JsonProperty("state") State state,
        @JsonProperty("severity") Severity severity,
        @JsonProperty("priority") Priority priority,
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("assigned_user") OprUser assignedUser,
        @JsonProperty("assigned_group") OprGroup assignedGroup,
        @JsonProperty("custom_attributes") List<CustomAttribute> customAttributes,
        @JsonProperty("annotations") List<Annotation> annotations) {

    public SyncBackProperties {
        customAttributes = customAttributes == null ? List.of() : List.copyOf(customAttributes);
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
    }

    public static SyncBackProperties state(State state) {
        return new SyncBackProperties(state, null, null, null, null, null, null, null, null);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return state == null && severity == null && priority == null && title == null && description == null
                && assignedUser == null && assignedGroup == null && customAttributes.isEmpty() && annotations.isEmpty();
    }

    /** Whether this change closes the event (what the back-sync hook's {@code Close} follows). */
    @JsonIgnore
    public boolean closes() {
        return state == State.CLOSED;
    }
}
