package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/** A text note attached to an event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Annotation(
        @JsonProperty("id") String id,
        @JsonProperty("author") String author,
        @JsonProperty("time_created") OffsetDateTime timeCreated,
        @JsonProperty("text") String text) {
}
