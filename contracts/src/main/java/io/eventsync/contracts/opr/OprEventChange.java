package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/** An OMi event change ({@code OprEventChange}): which event, and what changed on it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "sequence_number", "event_ref", "changed_properties"})
public record OprEventChange(
        @JsonProperty("id") String id,
        @JsonProperty("sequence_number") Long sequenceNumber,
        @JsonProperty("event_ref") EventRef eventRef,
        @JsonProperty("changed_properties") ChangedProperties changedProperties,
        @JsonAnySetter Map<String, Object> other) implements OprDocument {

    public OprEventChange {
        other = other == null ? new LinkedHashMap<>() : new LinkedHashMap<>(other);
    }

    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }

    public OprEventChange withEventRef(EventRef newRef) {
        return new OprEventChange(id, sequenceNumber, newRef, changedProperties, other);
    }
}
