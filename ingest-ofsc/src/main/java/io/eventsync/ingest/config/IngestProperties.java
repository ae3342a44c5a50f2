package io.eventsync.ingest.config;

import io.eventsync.contracts.ofsc.OfscEventTypes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What ingest reads and where it writes.
 *
 * @param topic where events go
 * @param checkpointTopic the compacted topic of page markers
 * @param createTopics create both topics at start if missing (the sandbox, a laptop)
 * @param topicPartitions partitions of {@code topic} when created
 * @param transactionalIdPrefix with the subscription's name, the transactional id that fences a
 *     second poller of the same subscription
 * @param pageSize {@code limit} of each request; OFSC caps it at 1000
 * @param poll how long to wait between requests
 * @param backoff how to retry failed requests
 * @param subscriptions what to read
 */
@Validated
@ConfigurationProperties("eventsync.ingest")
public record IngestProperties(
        @DefaultValue("ofsc.events") @NotBlank String topic,
        @DefaultValue("ofsc.checkpoints") @NotBlank String checkpointTopic,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("6") @Min(1) int topicPartitions,
        @DefaultValue("eventsync-ingest-ofsc") @NotBlank String transactionalIdPrefix,
        @DefaultValue("1000") @Min(1) @Max(1000) int pageSize,
        @DefaultValue @NotNull @Valid Poll poll,
        @DefaultValue @NotNull @Valid Backoff backoff,
        @NotEmpty List<@Valid @NotNull Subscription> subscriptions) {

    @AssertTrue(message = "subscription names must be unique")
    public boolean isEachNameUnique() {
        return subscriptions == null
                || new HashSet<>(subscriptions.stream().map(Subscription::name).toList()).size() == subscriptions.size();
    }

    /**
     * The seed's advice: a few seconds for busy subscriptions, a few minutes for rare events. A full
     * page is followed at once; a partial one after {@code busyInterval}; each empty one doubles the
     * wait up to {@code quietInterval}.
     */
    public record Poll(
            @DefaultValue("2s") @NotNull Duration busyInterval,
            @DefaultValue("2m") @NotNull Duration quietInterval) {

        @AssertTrue(message = "quiet-interval must not be shorter than busy-interval")
        public boolean isOrdered() {
            return busyInterval == null || quietInterval == null || quietInterval.compareTo(busyInterval) >= 0;
        }
    }

    /** Exponential backoff with full jitter; a Retry-After from OFSC is waited at least. */
    public record Backoff(
            @DefaultValue("500ms") @NotNull Duration initial,
            @DefaultValue("30s") @NotNull Duration max) {
    }

    /**
     * One subscription: an existing one by {@code id}, or {@code eventTypes} to create one at the first
     * start (its id is kept in the checkpoint topic, so later starts reuse it).
     *
     * @param name a stable name: metrics label, transactional id, and how a created subscription is found again
     */
    public record Subscription(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String name,
            String id,
            List<String> eventTypes,
            String title) {

        @AssertTrue(message = "give either id or event-types, not both")
        public boolean isEitherIdOrEventTypes() {
            boolean hasId = id != null && !id.isBlank();
            boolean hasTypes = eventTypes != null && !eventTypes.isEmpty();
            return hasId != hasTypes;
        }

        @AssertTrue(message = "event-types must be OFSC event types (seed 003's list)")
        public boolean isEachEventTypeKnown() {
            return eventTypes == null || eventTypes.stream().allMatch(OfscEventTypes::isKnown);
        }

        public boolean createsItsOwn() {
            return id == null || id.isBlank();
        }
    }
}
