package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** One name/value pair of an event's custom attributes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomAttribute(@JsonProperty("name") String name, @JsonProperty("value") String value,
        @JsonAnySetter Map<String, Object> other) {

    public CustomAttribute {
        other = UnknownElements.copy(other);
    }

    public CustomAttribute(String name, String value) {
        this(name, value, null);
    }

    /** Elements of this part the model does not name, as they came. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }
}
