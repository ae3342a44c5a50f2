package io.eventsync.sandbox.ofsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each injected fault, what a client sees of it, and that none of them moves {@code lastRequested}. */
class OfscFaultsIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private OfscSimulator simulator;
    private CoreApi api;
    private String subscription;
    private String created;

    @BeforeEach
    void start() {
        simulator = OfscSimulator.start(OfscSimulatorSettings.builder().port(0).clock(clock).build());
        api = CoreApi.of(simulator);
        CoreApi.Created subscribed = api.create("activityCreated", "activityUpdated", "activityMoved");
        subscription = subscribed.id();
        created = subscribed.page();
        simulator.generate(600);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void failNextAnswersTheStatusWithAProblemForThatManyRequests() {
        simulator.faults().failNext(2, 503);

        CoreApi.Answer first = page(created);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().get("title").stringValue()).isEqualTo("Service Unavailable");
        assertThat(first.json().get("type").stringValue()).endsWith("#sec10.5.4");
        assertThat(first.json().get("status").stringValue()).isEqualTo("503");
        assertThat(page(created).status()).isEqualTo(503);
        assertThat(page(created).status()).isEqualTo(200);
        assertThat(simulator.faults().pending()).isZero();
    }

    @Test
    void aFaultNeverMovesLastRequested() {
        CoreApi.Answer first = page(created);
        simulator.faults().failNext(1, 500);
        simulator.faults().throttleNext(1, Duration.ofSeconds(1));
        simulator.faults().delayNext(1, Duration.ofMillis(10));

        assertThat(page(first.nextPage()).status()).isEqualTo(500);
        assertThat(page(first.nextPage()).status()).isEqualTo(429);
        CoreApi.Answer delayed = page(first.nextPage());
        assertThat(delayed.status()).isEqualTo(200);
        assertThat(delayed.items()).isNotEmpty();

        CoreApi.Answer last = api.events("subscriptionId", subscription, "page", "lastRequested");
        assertThat(last.items()).isEqualTo(first.items());
    }

    @Test
    void throttleNextAnswers429WithRetryAfterInWholeSeconds() {
        simulator.faults().throttleNext(1, Duration.ofMillis(1500));

        CoreApi.Answer throttled = page(created);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("2");
        assertThat(throttled.json().get("title").stringValue()).isEqualTo("Too Many Requests");
        assertThat(page(created).status()).isEqualTo(200);
    }

    @Test
    void delayNextMakesAClientWithAShortTimeoutGiveUp() {
        simulator.faults().delayNext(1, Duration.ofSeconds(2));

        assertThatThrownBy(() -> api.http().send(api.request(eventsPath(created)).timeout(Duration.ofMillis(300)).build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(page(created).status()).isEqualTo(200);
    }

    @Test
    void delayNextAnswersThePageAfterTheDelay() {
        simulator.faults().delayNext(1, Duration.ofMillis(400));

        long started = System.nanoTime();
        CoreApi.Answer delayed = page(created);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMillis).isGreaterThanOrEqualTo(400);
        assertThat(delayed.items()).containsExactlyElementsOf(simulator.eventsFor(subscription).subList(0, 100));
    }

    @Test
    void dropNextClosesTheConnectionWithoutAnyResponse() throws IOException {
        simulator.faults().dropNext(1);

        // On the wire: the request goes out, the connection ends, not one byte comes back.
        try (Socket socket = new Socket("127.0.0.1", simulator.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET " + eventsPath(created) + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + CoreApi.basic("eventsync@sandbox", "ofsc-sandbox") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().readAllBytes()).isEmpty();
        }
        assertThat(simulator.requests()).last().extracting(RecordedRequest::status).isEqualTo(0);
        assertThat(page(created).status()).isEqualTo(200);
    }

    @Test
    void aJdkClientSeesAnIoErrorWhenItsRetryIsDroppedToo() {
        // The JDK client resends a GET once, silently, when the connection closes before any byte of
        // the answer; so it sees the failure only when both attempts are dropped.
        simulator.faults().dropNext(2);

        assertThatThrownBy(() -> api.http().send(api.request(eventsPath(created)).build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(simulator.requests()).extracting(RecordedRequest::status).endsWith(0, 0);
        assertThat(page(created).status()).isEqualTo(200);
    }

    @Test
    void failRandomlyFailsAboutThatShareOfRequestsUntilCleared() {
        simulator.faults().failRandomly(0.5, 502);

        int failed = 0;
        for (int i = 0; i < 100; i++) {
            int status = page(created).status();
            assertThat(status).isIn(200, 502);
            failed += status == 502 ? 1 : 0;
        }
        assertThat(failed).isBetween(25, 75);

        simulator.faults().clear();
        for (int i = 0; i < 20; i++) {
            assertThat(page(created).status()).isEqualTo(200);
        }
    }

    @Test
    void faultsApplyToGetEventsOnlyAndInTheOrderTheyWereAskedFor() {
        simulator.faults().failNext(1, 500);
        simulator.faults().throttleNext(1, Duration.ofSeconds(3));

        assertThat(api.get("/rest/ofscCore/v1/events/subscriptions").status()).isEqualTo(200);
        assertThat(api.as(null).get("/rest/ofscCore/v1/events?subscriptionId=" + subscription).status())
                .as("an unauthenticated request uses no fault").isEqualTo(401);
        List<Integer> statuses = List.of(page(created).status(), page(created).status(), page(created).status());

        assertThat(statuses).containsExactly(500, 429, 200);
    }

    @Test
    void theRequestLogRecordsEachRequestWithItsAnswer() {
        simulator.faults().failNext(1, 504);
        page(created);
        page(created);

        List<RecordedRequest> events = simulator.requests().stream()
                .filter(request -> request.path().equals("/rest/ofscCore/v1/events")).toList();
        assertThat(events).extracting(RecordedRequest::status).containsExactly(504, 200);
        assertThat(events.get(1).query()).containsEntry("subscriptionId", subscription).containsEntry("page", created);
        assertThat(events.get(1).method()).isEqualTo("GET");
        assertThat(events.get(1).time()).isEqualTo(clock.instant());
    }

    private CoreApi.Answer page(String page) {
        return api.events("subscriptionId", subscription, "page", page);
    }

    private String eventsPath(String page) {
        return "/rest/ofscCore/v1/events?subscriptionId=" + subscription + "&page=" + Links.encode(page);
    }
}
