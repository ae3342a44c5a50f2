package io.eventsync.contracts.topic;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an {@code opr.events} record carries. */
public enum OprRecordKind {
    @JsonProperty("event") EVENT("event"),
    @JsonProperty("event_change") EVENT_CHANGE("event_change");

    private final String wireName;

    OprRecordKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
