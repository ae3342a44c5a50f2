package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** An OMi user group reference ({@code assigned_group}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OprGroup(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("label") String label,
        @JsonAnySetter Map<String, Object> other) {

    public OprGroup {
        other = UnknownElements.copy(other);
    }

    public OprGroup(String id, String name, String label) {
        this(id, name, label, null);
    }

    /** Elements of this part the model does not name, as they came. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }
}
