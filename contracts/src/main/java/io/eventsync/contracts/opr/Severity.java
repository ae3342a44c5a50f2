package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OMi event severity, lowest to highest. */
public enum Severity {
    @JsonProperty("unknown") UNKNOWN,
    @JsonProperty("normal") NORMAL,
    @JsonProperty("warning") WARNING,
    @JsonProperty("minor") MINOR,
    @JsonProperty("major") MAJOR,
    @JsonProperty("critical") CRITICAL
}
