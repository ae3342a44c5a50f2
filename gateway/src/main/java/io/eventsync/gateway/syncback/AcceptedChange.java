package io.eventsync.gateway.syncback;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A change Kafka acknowledged, as the answer (or a 503's {@code accepted} member) lists it. */
record AcceptedChange(@JsonProperty("external_id") String externalId, @JsonProperty("change_id") String changeId) {
}
