package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** {@code related_ci}: the configuration item an event is about. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelatedCi(@JsonProperty("configuration_item") ConfigurationItem configurationItem,
        @JsonAnySetter Map<String, Object> other) {

    public RelatedCi {
        other = UnknownElements.copy(other);
    }

    public RelatedCi(ConfigurationItem configurationItem) {
        this(configurationItem, null);
    }

    /** Elements of this part the model does not name, as they came. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }
}
