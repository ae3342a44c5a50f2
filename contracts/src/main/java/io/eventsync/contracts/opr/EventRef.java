package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code event_ref}: which event a change is about. When OMi forwards a change to a target,
 * {@code target_id} holds the OMi event id and {@code target_global_id} the target's own
 * (external) id (seed 000).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventRef(
        @JsonProperty("id") String id,
        @JsonProperty("global_id") String globalId,
        @JsonProperty("target_id") String targetId,
        @JsonProperty("target_global_id") String targetGlobalId) {
}
