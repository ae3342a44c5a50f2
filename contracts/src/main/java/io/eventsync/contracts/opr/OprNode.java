package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A node (host) configuration item. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OprNode(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("primary_dns_name") String primaryDnsName,
        @JsonProperty("display_label") String displayLabel,
        @JsonAnySetter Map<String, Object> other) {

    public OprNode {
        other = UnknownElements.copy(other);
    }

    public OprNode(String id, String type, String primaryDnsName, String displayLabel) {
        this(id, type, primaryDnsName, displayLabel, null);
    }

    /** Elements of this part the model does not name, as they came. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }
}
