package io.eventsync.sandbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.ingest.poll.SubscriptionStatus;
import io.eventsync.sandbox.ofsc.OfscSimulatorSettings;
import io.eventsync.sandbox.ofsc.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OFSC failing on purpose: throttling, server errors, dropped connections, timeouts, bad credentials. */
class IngestFaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> TYPES = List.of("activityCreated", "activityUpdated", "resourceUpdated");

    @Test
    void throttlingServerErrorsDropsAndTimeoutsAreRetriedWithoutLossOrRepeats() {
        try (IngestTestBed bed = new IngestTestBed(OfscSimulatorSettings.builder().port(0).build());
             InProcessIngest ingest = InProcessIngest.start(bed.arguments()
                     .set("eventsync.ingest.page-size", "200")
                     .set("eventsync.ofsc.request-timeout", "2s")
                     .subscription("faulty", TYPES))) {
            String id = bed.onKafka.awaitSubscriptionId("faulty", WAIT);
            bed.ofsc.faults().throttleNext(2, Duration.ofSeconds(2));
            bed.ofsc.faults().failNext(3, 503);
            bed.ofsc.faults().dropNext(2);
            bed.ofsc.faults().delayNext(1, Duration.ofSeconds(4));
            bed.ofsc.generate(3_000);

            bed.onKafka.awaitCount(id, bed.ofsc.eventsFor(id).size(), WAIT);

            bed.onKafka.assertExactlyOnce(id, bed.ofsc.eventsFor(id));
            assertThat(ingest.counter("eventsync.ingest.api.errors", "status", "429")).isEqualTo(2);
            assertThat(ingest.counter("eventsync.ingest.api.errors", "status", "503")).isEqualTo(3);
            assertThat(ingest.counter("eventsync.ingest.api.errors", "status", "0"))
                    .as("two dropped connections and one timeout").isGreaterThanOrEqualTo(3);
            assertRetryAfterHonoured(bed.ofsc.requests(), Duration.ofSeconds(2));
        }
    }

    @Test
    void bearerTokensFromTheTokenServiceWorkLikeBasic() {
        try (IngestTestBed bed = new IngestTestBed(OfscSimulatorSettings.builder().port(0).build());
             InProcessIngest ingest = InProcessIngest.start(bed.arguments()
                     .set("eventsync.ofsc.auth", "oauth2")
                     .subscription("bearer", TYPES))) {
            String id = bed.onKafka.awaitSubscriptionId("bearer", WAIT);
            bed.ofsc.generate(500);
            bed.onKafka.awaitCount(id, bed.ofsc.eventsFor(id).size(), WAIT);
            bed.onKafka.assertExactlyOnce(id, bed.ofsc.eventsFor(id));
            assertThat(bed.ofsc.requests()).anySatisfy(r -> assertThat(r.path()).endsWith("/token"));
        }
    }

    @Test
    void wrongCredentialsStopTheSubscriptionWithAClearErrorAndProduceNothing() {
        try (IngestTestBed bed = new IngestTestBed(OfscSimulatorSettings.builder().port(0).build());
             InProcessIngest ingest = InProcessIngest.start(bed.arguments()
                     .set("eventsync.ofsc.client-secret", "not-the-secret")
                     .subscription("refused", TYPES))) {
            OfscTopic.await(() -> ingest.statuses().get(0).state() == SubscriptionStatus.State.STOPPED, WAIT,
                    "the subscription to stop");
            SubscriptionStatus status = ingest.statuses().get(0);
            assertThat(status.detail()).contains("401").doesNotContain("not-the-secret");
            assertThat(bed.onKafka.checkpoints()).isEmpty();
        }
    }

    /** After each 429, the next events request came no sooner than Retry-After. */
    private static void assertRetryAfterHonoured(List<RecordedRequest> requests, Duration retryAfter) {
        List<RecordedRequest> events = requests.stream().filter(r -> r.path().endsWith("/events")).toList();
        int throttled = 0;
        for (int i = 0; i < events.size() - 1; i++) {
            if (events.get(i).status() == 429) {
                throttled++;
                Duration gap = Duration.between(events.get(i).time(), events.get(i + 1).time());
                assertThat(gap).as("wait after a 429").isGreaterThanOrEqualTo(retryAfter.minusMillis(50));
            }
        }
        assertThat(throttled).isEqualTo(2);
    }
}
