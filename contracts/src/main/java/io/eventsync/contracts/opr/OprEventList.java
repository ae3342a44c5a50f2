package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code event_list}: a bulk of events, each normally carrying a {@code sequence_number}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OprEventList(@JsonProperty("event") List<OprEvent> event) implements OprDocument {
    public OprEventList {
        event = event == null ? List.of() : List.copyOf(event);
    }
}
