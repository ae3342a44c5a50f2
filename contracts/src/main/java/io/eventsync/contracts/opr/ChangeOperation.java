package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a change to a list-valued property (annotations, custom attributes) applies. */
public enum ChangeOperation {
    @JsonProperty("add") ADD,
    @JsonProperty("remove") REMOVE,
    @JsonProperty("update") UPDATE
}
