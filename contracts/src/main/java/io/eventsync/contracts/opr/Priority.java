package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OMi event priority, lowest to highest. */
public enum Priority {
    @JsonProperty("none") NONE,
    @JsonProperty("lowest") LOWEST,
    @JsonProperty("low") LOW,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("high") HIGH,
    @JsonProperty("highest") HIGHEST
}
