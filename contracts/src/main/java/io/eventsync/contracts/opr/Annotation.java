package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Map;

/** A text note attached to an event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Annotation(
        @JsonProperty("id") String id,
        @JsonProperty("author") String author,
        @JsonProperty("time_created") OffsetDateTime timeCreated,
        @JsonProperty("text") String text,
        @JsonAnySetter Map<String, Object> other) {

    public Annotation {
        other = UnknownElements.copy(other);
    }

    public Annotation(String id, String author, OffsetDateTime timeCreated, String text) {
        this(id, author, timeCreated, text, null);
    }

    /** Elements of this part the model does not name, as they came. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }
}
