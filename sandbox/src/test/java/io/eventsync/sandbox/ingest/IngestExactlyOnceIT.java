package io.eventsync.sandbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.contracts.ofsc.OfscCheckpoint;
import io.eventsync.ingest.poll.SubscriptionStatus;
import io.eventsync.sandbox.ofsc.OfscSimulatorSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ingest-ofsc against the OFSC simulator and a real broker: pages, subscriptions, fencing. */
class IngestExactlyOnceIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> ACTIVITY_TYPES = List.of("activityCreated", "activityUpdated",
            "activityStarted", "activityCompleted", "activityMoved");
    private static final List<String> OTHER_TYPES = List.of("resourceUpdated", "inventoryInstalled", "routeUpdated",
            "routingRun");

    @Test
    void manyPagesOfTwoSubscriptionsArriveExactlyOnceInOrderPerEntity() {
        try (IngestTestBed bed = new IngestTestBed(OfscSimulatorSettings.builder().port(0).build());
             InProcessIngest ingest = InProcessIngest.start(bed.arguments()
                     .set("eventsync.ingest.page-size", "250")
                     .subscription("activities", ACTIVITY_TYPES)
                     .subscription("others", OTHER_TYPES))) {
            String activities = bed.onKafka.awaitSubscriptionId("activities", WAIT);
            String others = bed.onKafka.awaitSubscriptionId("others", WAIT);

            bed.ofsc.generate(6_000);
            int expectedActivities = bed.ofsc.eventsFor(activities).size();
            int expectedOthers = bed.ofsc.eventsFor(others).size();
            bed.onKafka.awaitCount(activities, expectedActivities, WAIT);
            bed.onKafka.awaitCount(others, expectedOthers, WAIT);

            assertThat(expectedActivities).as("several pages each").isGreaterThan(1_000);
            assertThat(expectedOthers).isGreaterThan(500);
            bed.onKafka.assertExactlyOnce(activities, bed.ofsc.eventsFor(activities));
            bed.onKafka.assertExactlyOnce(others, bed.ofsc.eventsFor(others));
            OfscCheckpoint checkpoint = bed.onKafka.checkpoints().get(activities);
            assertThat(checkpoint.eventsProduced()).isEqualTo(expectedActivities);
            assertThat(ingest.counter("eventsync.ingest.events", "subscription", "activities"))
                    .isEqualTo(expectedActivities);
        }
    }

    @Test
    void aSecondPollerFencesTheFirstWhichThenProducesNothing() {
        try (IngestTestBed bed = new IngestTestBed(OfscSimulatorSettings.builder().port(0).build())) {
            IngestArguments arguments = bed.arguments().subscription("fenced", ACTIVITY_TYPES);
            try (InProcessIngest first = InProcessIngest.start(arguments)) {
                String id = bed.onKafka.awaitSubscriptionId("fenced", WAIT);
                bed.ofsc.generate(1_000);
                bed.onKafka.awaitCount(id, bed.ofsc.eventsFor(id).size(), WAIT);

                try (InProcessIngest second = InProcessIngest.start(arguments)) {
                    bed.ofsc.generate(2_000);
                    OfscTopic.await(() -> first.statuses().get(0).state() == SubscriptionStatus.State.STOPPED, WAIT,
                            "the first poller to notice it was fenced");
                    double committedByFirst = first.counter("eventsync.ingest.events", "subscription", "fenced");
                    bed.ofsc.generate(1_000);
                    bed.onKafka.awaitCount(id, bed.ofsc.eventsFor(id).size(), WAIT);

                    assertThat(first.statuses().get(0).detail()).contains("took over");
                    assertThat(first.counter("eventsync.ingest.events", "subscription", "fenced"))
                            .as("nothing committed by the fenced poller after it was fenced")
                            .isEqualTo(committedByFirst);
                    assertThat(second.statuses().get(0).state()).isEqualTo(SubscriptionStatus.State.POLLING);
                    bed.onKafka.assertExactlyOnce(id, bed.ofsc.eventsFor(id));
                }
            }
        }
    }
}
