package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** {@code node_ref}: the node an event happened on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeRef(@JsonProperty("node") OprNode node,
        @JsonAnySetter Map<String, Object> other) {

    public NodeRef {
        other = UnknownElements.copy(other);
    }

    public NodeRef(OprNode node) {
        this(node, null);
    }

    /** Elements of this part the model does not name, as they came. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }
}
