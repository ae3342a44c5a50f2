package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One entry of {@code changed_properties}. On the wire its element name says its type
 * ({@code state_property_change}, {@code string_property_change}, ...); that name is kept in
 * {@link #element()}. Values stay as trees: a title change carries text, an annotation change
 * carries a whole {@code annotation}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PropertyChange(
        @JsonIgnore String element,
        @JsonProperty("property_name") String propertyName,
        @JsonProperty("current_value") JsonNode currentValue,
        @JsonProperty("previous_value") JsonNode previousValue,
        @JsonProperty("change_operation") ChangeOperation changeOperation,
        @JsonAnySetter Map<String, Object> other) {

    public PropertyChange {
        other = UnknownElements.copy(other);
    }

    public PropertyChange(String element, String propertyName, JsonNode currentValue, JsonNode previousValue,
                          ChangeOperation changeOperation) {
        this(element, propertyName, currentValue, previousValue, changeOperation, null);
    }

    /** Elements of this entry the model does not name, as they came. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }

    /** The element name OMi would use for a change of this property. */
    public static String elementFor(String propertyName) {
        return propertyName + "_property_change";
    }

    public PropertyChange withElement(String newElement) {
        return new PropertyChange(newElement, propertyName, currentValue, previousValue, changeOperation, other);
    }
}
