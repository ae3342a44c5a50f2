package io.eventsync.egress.config;

import io.eventsync.contracts.topic.Topics;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How routes deliver.
 *
 * @param topics what routes read
 * @param deadLetterTopic where records a route gave up on go
 * @param replayTopic dead letters replayed to one route; every route reads it beside {@code topics}
 * @param groupPrefix each route's consumer group is this plus the route id
 * @param requestTimeout one request to a target, answer included
 * @param maxWait how long a batch waits to fill before it is sent
 * @param maxAttempts tries of one request (retryable failures, unanswered items) before dead-lettering
 * @param retryFor how long, at least, a request failing retryably (5xx, no answer) is retried before
 *     dead-lettering: a target down for minutes gets its events once it is back, not the dead-letter topic
 * @param splitConcurrency how many keys of a bulk split after a 5xx are retried side by side, each key's
 *     items in order: one at a time, every retry's backoff would leave the partition idle
 * @param backoffInitial first retry wait; doubles per attempt, with full jitter
 * @param backoffMax the longest retry wait
 * @param commitInterval how often acknowledged offsets are committed
 * @param lagInterval how often each route's consumer lag is measured
 * @param maxAnswerSize the largest answer read from a target: an OPR receiver echoes every event of a
 *     bulk (a batch of 1000 answers with megabytes), and a target must not make egress hold more
 */
@Validated
@ConfigurationProperties("eventsync.egress.delivery")
public record DeliveryProperties(
        @DefaultValue({Topics.OPR_EVENTS, Topics.OFSC_EVENTS}) @NotEmpty List<@NotBlank String> topics,
        @DefaultValue(Topics.EGRESS_DLQ) @NotBlank String deadLetterTopic,
        @DefaultValue(Topics.EGRESS_REPLAY) @NotBlank String replayTopic,
        @DefaultValue("eventsync-egress.") @NotBlank String groupPrefix,
        @DefaultValue("10s") @NotNull Duration requestTimeout,
        @DefaultValue("200ms") @NotNull Duration maxWait,
        @DefaultValue("5") @Min(1) @Max(100) int maxAttempts,
        @DefaultValue("10m") @NotNull Duration retryFor,
        @DefaultValue("8") @Min(1) @Max(256) int splitConcurrency,
        @DefaultValue("200ms") @NotNull Duration backoffInitial,
        @DefaultValue("30s") @NotNull Duration backoffMax,
        @DefaultValue("1s") @NotNull Duration commitInterval,
        @DefaultValue("15s") @NotNull Duration lagInterval,
        @DefaultValue("16MB") @NotNull DataSize maxAnswerSize) {

    /** Everything a route's consumer group reads: the source topics and the replay topic. */
    public List<String> sources() {
        return Stream.concat(topics.stream(), Stream.of(replayTopic)).distinct().toList();
    }

    public String group(String routeId) {
        return groupPrefix + routeId;
    }
}
