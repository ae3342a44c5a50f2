package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code event_ref}: which event a change is about. When OMi forwards a change to a target,
 * {@code target_id} holds the OMi event id and {@code target_global_id} the target's own
 * (external) id (seed 000).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventRef(
        @JsonProperty("id") String id,
        @JsonProperty("global_id") String globalId,
        @JsonProperty("target_id") String targetId,
        @JsonProperty("target_global_id") String targetGlobalId,
        @JsonAnySetter Map<String, Object> other) {

    public EventRef {
        other = UnknownElements.copy(other);
    }

    public EventRef(String id, String globalId, String targetId, String targetGlobalId) {
        this(id, globalId, targetId, targetGlobalId, null);
    }

    /** Elements of this part the model does not name, as they came. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }
}
