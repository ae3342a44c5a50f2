package io.eventsync.contracts.opr;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An OMi event ({@code OprEvent}). Every field is optional on the wire; what a rule needs is
 * checked where the rule lives. Elements this model does not know are kept in {@link #other()}
 * (and in each part's own {@code other()}) and written back, so a round trip through eventsync
 * loses nothing OMi sent. {@code control_transferred_to} is kept as it came: OMi writes it as a
 * structure (the server control went to, and its state), older senders as a text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "version", "sequence_number"})
public record OprEvent(
        @JsonProperty("id") String id,
        @JsonProperty("version") Long version,
        @JsonProperty("sequence_number") Long sequenceNumber,
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("severity") Severity severity,
        @JsonProperty("priority") Priority priority,
        @JsonProperty("state") State state,
        @JsonProperty("category") String category,
        @JsonProperty("subcategory") String subcategory,
        @JsonProperty("application") String application,
        @JsonProperty("object") String object,
        @JsonProperty("etype") String etype,
        @JsonProperty("key") String key,
        @JsonProperty("close_key_pattern") String closeKeyPattern,
        @JsonProperty("time_created") OffsetDateTime timeCreated,
        @JsonProperty("time_received") OffsetDateTime timeReceived,
        @JsonProperty("time_state_changed") OffsetDateTime timeStateChanged,
        @JsonProperty("duplicate_count") Long duplicateCount,
        @JsonProperty("no_dedup") Boolean noDedup,
        @JsonProperty("log_only") Boolean logOnly,
        @JsonProperty("received_on_ci_downtime") Boolean receivedOnCiDowntime,
        @JsonProperty("assigned_user") OprUser assignedUser,
        @JsonProperty("assigned_group") OprGroup assignedGroup,
        @JsonProperty("related_ci") RelatedCi relatedCi,
        @JsonProperty("node_ref") NodeRef nodeRef,
        @JsonProperty("originating_server") OprServer originatingServer,
        @JsonProperty("sending_server") OprServer sendingServer,
        @JsonProperty("control_transferred_to") JsonNode controlTransferredTo,
        @JsonProperty("drilldown_url") String drilldownUrl,
        @JsonProperty("original_data") String originalData,
        @JsonProperty("custom_attribute_list") CustomAttributeList customAttributeList,
        @JsonProperty("annotation_list") AnnotationList annotationList,
        @JsonAnySetter Map<String, Object> other) implements OprDocument {

    public OprEvent {
        other = other == null ? new LinkedHashMap<>() : new LinkedHashMap<>(other);
    }

    /** Elements this model does not name (for example {@code forwarding_info_list}), as read. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }

    /** A minimal event, for tests and samples. */
    public static OprEvent of(String id, String title, Severity severity) {
        return new OprEvent(id, null, null, title, null, severity, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** The same event under another id: how a target answers with its external event id. */
    public OprEvent withId(String newId) {
        return copy(newId, sequenceNumber);
    }

    /** The same event with another bulk {@code sequence_number}. */
    public OprEvent withSequenceNumber(Long newSequenceNumber) {
        return copy(id, newSequenceNumber);
    }

    private OprEvent copy(String newId, Long newSequenceNumber) {
        return new OprEvent(newId, version, newSequenceNumber, title, description, severity, priority,
                state, category, subcategory, application, object, etype, key, closeKeyPattern,
                timeCreated, timeReceived, timeStateChanged, duplicateCount, noDedup, logOnly,
                receivedOnCiDowntime, assignedUser, assignedGroup, relatedCi, nodeRef,
                originatingServer, sendingServer, controlTransferredTo, drilldownUrl, originalData,
                customAttributeList, annotationList, other);
    }
}
