package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code related_ci}: the configuration item an event is about. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelatedCi(@JsonProperty("configuration_item") ConfigurationItem configurationItem) {
}
