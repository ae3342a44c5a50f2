package io.eventsync.contracts.syncback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * A third party's change to an event OMi forwarded, to be synchronized back to OMi: the value of an
 * {@code opr.sync-back} record ({@code eventsync.opr-sync-back/v1}, docs/topics.md).
 *
 * @param externalId eventsync's id of the event ({@code external_id} on {@code opr.events}); also the key
 * @param changeId the change's own id: the third party's, or one the gateway gave it; the OMi event change's id
 * @param changes what changed; at least one property
 * @param changedAt when the third party made the change, if it said
 * @param origin who made it (a third-party system or user), if it said
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema", "external_id", "change_id", "changes", "changed_at", "origin"})
public record SyncBackChange(
        @JsonProperty("schema") String schema,
        @JsonProperty("external_id") String externalId,
        @JsonProperty("change_id") String changeId,
        @JsonProperty("changes") SyncBackProperties changes,
        @JsonProperty("changed_at") Instant changedAt,
        @JsonProperty("origin") String origin) {

    public static final String SCHEMA = "eventsync.opr-sync-back/v1";
    /** The {@code eventsync-kind} header of an {@code opr.sync-back} record. */
    public static final String KIND = "sync_back";

    public static SyncBackChange of(String externalId, String changeId, SyncBackProperties changes) {
        return new SyncBackChange(SCHEMA, externalId, changeId, changes, null, null);
    }
}
