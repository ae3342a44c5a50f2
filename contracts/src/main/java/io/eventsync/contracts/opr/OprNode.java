package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A node (host) configuration item. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OprNode(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("primary_dns_name") String primaryDnsName,
        @JsonProperty("display_label") String displayLabel) {
}
