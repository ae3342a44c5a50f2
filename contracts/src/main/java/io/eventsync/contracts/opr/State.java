package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OMi event life-cycle state. */
public enum State {
    @JsonProperty("open") OPEN,
    @JsonProperty("in_progress") IN_PROGRESS,
    @JsonProperty("resolved") RESOLVED,
    @JsonProperty("closed") CLOSED
}
