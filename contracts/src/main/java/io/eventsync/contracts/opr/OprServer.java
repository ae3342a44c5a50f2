package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A server that originated or sent an event ({@code originating_server}, {@code sending_server}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OprServer(
        @JsonProperty("dns_name") String dnsName,
        @JsonProperty("ip_address") String ipAddress,
        @JsonProperty("core_id") String coreId,
        @JsonAnySetter Map<String, Object> other) {

    public OprServer {
        other = UnknownElements.copy(other);
    }

    public OprServer(String dnsName, String ipAddress, String coreId) {
        this(dnsName, ipAddress, coreId, null);
    }

    /** Elements of this part the model does not name, as they came. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }
}
