package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code custom_attribute_list}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomAttributeList(@JsonProperty("custom_attribute") List<CustomAttribute> customAttribute) {
    public CustomAttributeList {
        customAttribute = customAttribute == null ? List.of() : List.copyOf(customAttribute);
    }
}
