package io.eventsync.sandbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.sandbox.ofsc.MutableClock;
import io.eventsync.sandbox.ofsc.OfscSimulatorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 003's warning come true: ingest is away longer than OFSC keeps events, its marker is refused,
 * it recovers with {@code since}, says events may have been skipped, and produces nothing twice.
 */
class IngestRecoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void anExpiredMarkerIsRecoveredWithSinceAndTheLossIsReported() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
        try (IngestTestBed bed = new IngestTestBed(OfscSimulatorSettings.builder().port(0)
                .clock(clock).retention(Duration.ofHours(1)).build())) {
            IngestArguments arguments = bed.arguments().subscription("late", List.of("activityCreated",
                    "activityUpdated", "resourceUpdated"));
            String id;
            int beforeOutage;
            try (InProcessIngest ingest = InProcessIngest.start(arguments)) {
                id = bed.onKafka.awaitSubscriptionId("late", WAIT);
                bed.ofsc.generate(800);
                beforeOutage = bed.ofsc.eventsFor(id).size();
                bed.onKafka.awaitCount(id, beforeOutage, WAIT);
            }
            List<ObjectNode> delivered = List.copyOf(bed.ofsc.eventsFor(id));

            bed.ofsc.generate(500);
            clock.advance(Duration.ofHours(2));
            bed.ofsc.generate(600);
            List<ObjectNode> stillHeld = List.copyOf(bed.ofsc.eventsFor(id));

            try (InProcessIngest ingest = InProcessIngest.start(arguments)) {
                bed.onKafka.awaitCount(id, beforeOutage + stillHeld.size(), WAIT);
                OfscTopic.await(() -> ingest.counter("eventsync.ingest.recoveries", "reason", "marker_rejected") >= 1,
                        WAIT, "the recovery to be counted");

                List<ObjectNode> expected = new java.util.ArrayList<>(delivered);
                expected.addAll(stillHeld);
                bed.onKafka.assertExactlyOnce(id, expected);
                assertThat(ingest.counter("eventsync.ingest.recoveries", "reason", "marker_rejected")).isEqualTo(1);
                assertThat(bed.ofsc.requests()).anySatisfy(request ->
                        assertThat(request.query()).containsKey("since").doesNotContainKey("page"));
            }
        }
    }
}
