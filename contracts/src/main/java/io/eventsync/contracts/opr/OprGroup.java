package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An OMi user group reference ({@code assigned_group}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OprGroup(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("label") String label) {
}
