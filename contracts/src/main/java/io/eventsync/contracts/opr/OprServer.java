package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A server that originated or sent an event ({@code originating_server}, {@code sending_server}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OprServer(
        @JsonProperty("dns_name") String dnsName,
        @JsonProperty("ip_address") String ipAddress,
        @JsonProperty("core_id") String coreId) {
}
