package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code event_change_list}: a bulk of event changes, each carrying its {@code event_ref}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OprEventChangeList(@JsonProperty("event_change") List<OprEventChange> eventChange)
        implements OprDocument {
    public OprEventChangeList {
        eventChange = eventChange == null ? List.of() : List.copyOf(eventChange);
    }
}
