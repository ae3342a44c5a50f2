package io.eventsync.sandbox.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.ingest.poll.SubscriptionStatus;
import io.eventsync.sandbox.ofsc.OfscSimulatorSettings;
import io.eventsync.sandbox.ofsc.RecordedRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * OFSC failing on purpose: throttling, server errors, dropped connections, timeouts, bad credentials,
 * another client's subscription.
 */
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

    @Test
    void anotherClientsSubscriptionStopsAlone() throws Exception {
        try (IngestTestBed bed = new IngestTestBed(OfscSimulatorSettings.builder().port(0)
                .client("eventsync", "ofsc-sandbox").client("someone-else", "their-secret").build())) {
            String foreign = createSubscriptionAs(bed, "someone-else", "their-secret");
            try (InProcessIngest ingest = InProcessIngest.start(bed.arguments()
                    .existingSubscription("foreign", foreign)
                    .subscription("own", TYPES))) {
                String own = bed.onKafka.awaitSubscriptionId("own", WAIT);
                bed.ofsc.generate(1_000);
                bed.onKafka.awaitCount(own, bed.ofsc.eventsFor(own).size(), WAIT);
                OfscTopic.await(() -> statusOf(ingest, "foreign").state() == SubscriptionStatus.State.STOPPED, WAIT,
                        "the foreign subscription to stop");

                assertThat(statusOf(ingest, "foreign").detail()).contains("403");
                assertThat(statusOf(ingest, "own").state()).isEqualTo(SubscriptionStatus.State.POLLING);
                bed.onKafka.assertExactlyOnce(own, bed.ofsc.eventsFor(own));
                assertThat(bed.onKafka.events(foreign)).isEmpty();
                assertThat(bed.onKafka.checkpoints()).doesNotContainKey(foreign);
            }
        }
    }

    private static SubscriptionStatus statusOf(InProcessIngest ingest, String name) {
        return ingest.statuses().stream().filter(s -> s.subscription().equals(name)).findFirst().orElseThrow();
    }

    /** As another OFSC application would, over HTTP with its own Basic credentials. */
    private static String createSubscriptionAs(IngestTestBed bed, String clientId, String secret) throws Exception {
        String user = clientId + "@" + bed.ofsc.settings().instanceName() + ":" + secret;
        HttpRequest request = HttpRequest.newBuilder(bed.ofsc.baseUrl().resolve("/rest/ofscCore/v1/events/subscriptions"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"subscriptionConfig\":[{\"events\":[\"activityCreated\"]}]}"))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(answer.body()).path("subscriptionId").asString();
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
