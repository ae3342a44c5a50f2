package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A configuration item of the OMi RTSM model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigurationItem(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("name") String name,
        @JsonProperty("display_label") String displayLabel,
        @JsonAnySetter Map<String, Object> other) {

    public ConfigurationItem {
        other = UnknownElements.copy(other);
    }

    public ConfigurationItem(String id, String type, String name, String displayLabel) {
        this(id, type, name, displayLabel, null);
    }

    /** Elements of this part the model does not name, as they came. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }
}
