package io.eventsync.contracts.ofsc;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where ingest stands on one OFSC subscription: the value on {@code ofsc.checkpoints} (compacted,
 * key = subscription id), written in the same Kafka transaction as the events it follows, so the
 * committed checkpoint and the committed events always agree.
 *
 * @param subscriptionId the OFSC subscription
 * @param subscriptionName the name ingest's configuration gives it (how a restarted poller finds a
 *     subscription it created itself)
 * @param instance the OFSC instance name
 * @param nextPage the marker to fetch next
 * @param lastEventTime the time of the newest event produced so far (OFSC format), null before any
 * @param lastSecondFingerprints fingerprints of the events produced with exactly {@code lastEventTime};
 *     a {@code since} recovery returns that second again, and these let ingest skip what it already has
 * @param eventsProduced events produced for this subscription since the checkpoint was first written
 * @param committedAt when this checkpoint was written
 */
public record OfscCheckpoint(
        @JsonProperty("schema") String schema,
        @JsonProperty("subscription_id") String subscriptionId,
        @JsonProperty("subscription_name") String subscriptionName,
        @JsonProperty("instance") String instance,
        @JsonProperty("next_page") String nextPage,
        @JsonProperty("last_event_time") String lastEventTime,
        @JsonProperty("last_second_fingerprints") List<String> lastSecondFingerprints,
        @JsonProperty("events_produced") long eventsProduced,
        @JsonProperty("committed_at") Instant committedAt) {

    public static final String SCHEMA = "eventsync.ofsc-checkpoint/v1";

    public OfscCheckpoint {
        schema = schema == null ? SCHEMA : schema;
        Objects.requireNonNull(subscriptionId, "subscription_id");
        Objects.requireNonNull(nextPage, "next_page");
        lastSecondFingerprints = lastSecondFingerprints == null ? List.of() : List.copyOf(lastSecondFingerprints);
    }

    public static OfscCheckpoint of(String subscriptionId, String subscriptionName, String instance, String nextPage,
                                    String lastEventTime, List<String> lastSecondFingerprints, long eventsProduced,
                                    Instant committedAt) {
        return new OfscCheckpoint(SCHEMA, subscriptionId, subscriptionName, instance, nextPage, lastEventTime,
                lastSecondFingerprints, eventsProduced, committedAt);
    }
}
