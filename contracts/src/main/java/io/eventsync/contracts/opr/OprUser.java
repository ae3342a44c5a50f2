package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** An OMi user reference ({@code assigned_user}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OprUser(
        @JsonProperty("id") String id,
        @JsonProperty("login_name") String loginName,
        @JsonProperty("user_name") String userName,
        @JsonAnySetter Map<String, Object> other) {

    public OprUser {
        other = UnknownElements.copy(other);
    }

    public OprUser(String id, String loginName, String userName) {
        this(id, loginName, userName, null);
    }

    /** Elements of this part the model does not name, as they came. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }
}
