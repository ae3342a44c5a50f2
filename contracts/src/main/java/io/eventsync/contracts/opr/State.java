package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OMi event life-cycle state. */
public enum State {
    @JsonProperty("open") OPEN("open"),
    @JsonProperty("in_progress") IN_PROGRESS("in_progress"),
    @JsonProperty("resolved") RESOLVED("resolved"),
    @JsonProperty("closed") CLOSED("closed");

    private final String wireName;

    State(String wireName) {
        this.wireName = wireName;
    }

    /** As OMi writes it, and as the {@code eventsync-opr-state} record header carries it. */
    public String wireName() {
        return wireName;
    }
}
