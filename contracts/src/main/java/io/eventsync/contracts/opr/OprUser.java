package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An OMi user reference ({@code assigned_user}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OprUser(
        @JsonProperty("id") String id,
        @JsonProperty("login_name") String loginName,
        @JsonProperty("user_name") String userName) {
}
