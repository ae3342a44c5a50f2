package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * One entry of {@code changed_properties}. On the wire its element name says its type
 * ({@code state_property_change}, {@code string_property_change}, ...); that name is kept in
 * {@link #element()}. Values stay as trees: a title change carries text, an annotation change
 * carries a whole {@code annotation}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PropertyChange(
        @JsonIgnore String element,
        @JsonProperty("property_name") String propertyName,
        @JsonProperty("current_value") JsonNode currentValue,
        @JsonProperty("previous_value") JsonNode previousValue,
        @JsonProperty("change_operation") ChangeOperation changeOperation) {

    /** The element name OMi would use for a change of this property. */
    public static String elementFor(String propertyName) {
        return propertyName + "_property_change";
    }

    public PropertyChange withElement(String newElement) {
        return new PropertyChange(newElement, propertyName, currentValue, previousValue, changeOperation);
    }
}
