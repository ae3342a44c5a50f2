package io.eventsync.sandbox.omi;

import static io.eventsync.sandbox.omi.OmiSamples.change;
import static io.eventsync.sandbox.omi.OmiSamples.event;
import static io.eventsync.sandbox.omi.OmiSamples.set;
import static io.eventsync.sandbox.omi.OmiSamples.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.sandbox.receiver.RecordedRequest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes wrong on purpose, scoped by path prefix as in the receiver simulator. */
class OmiSimulatorFaultsIT extends OmiFixture {

    private static final String CHANGES = OmiSimulator.BASE_PATH + "event_change";

    @BeforeEach
    void forwardOneEvent() {
        omi.remember(event("omi-1"), SERVER, "ext-1");
    }

    @Test
    void failNextAnswersTheStatusWithoutApplyingAndOnlyUnderItsPrefix() {
        omi.faults(CHANGES).failNext(1, 503);

        assertThat(client.head("").status()).as("outside the scope").isEqualTo(200);
        SyncClient.Reply failed = postClose();
        SyncClient.Reply next = postClose();

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(next.status()).isEqualTo(200);
        assertThat(omi.changesReceived()).hasSize(1);
        assertThat(omi.requestsTo(CHANGES)).extracting(RecordedRequest::status).containsExactly(503, 200);
    }

    @Test
    void faultsComeBeforeAuthenticationAsAProxyInFrontOfOmiWouldFail() {
        omi.faults("/").failNext(1, 502);

        assertThat(client.as(null, null).head("").status()).isEqualTo(502);
        assertThat(client.as(null, null).head("").status()).isEqualTo(401);
    }

    @Test
    void throttleNextAnswers429WithRetryAfterInWholeSeconds() {
        omi.faults(CHANGES).throttleNext(1, Duration.ofMillis(1_500));

        SyncClient.Reply throttled = postClose();

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("2");
        assertThat(omi.changesReceived()).isEmpty();
    }

    @Test
    void latencyDelaysEveryAnswerUnderItsPrefixUntilCleared() {
        omi.faults(CHANGES).latency(Duration.ofMillis(400));

        long started = System.nanoTime();
        assertThat(postClose().status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        omi.clearFaults();
        started = System.nanoTime();
        assertThat(client.get("event/omi-1", null).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(400));
    }

    @Test
    void theSettingsLatencyAppliesToEveryRequest() {
        try (OmiSimulator slow = OmiSimulator.start(OmiSimulatorSettings.builder().port(0)
                .latency(Duration.ofMillis(300)).build())) {
            long started = System.nanoTime();

            assertThat(SyncClient.of(slow, SERVER, PASSWORD).head("").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void dropNextClosesTheConnectionWithoutAnAnswerAndAppliesNothing() {
        omi.faults(CHANGES).dropNext(1);

        assertThatThrownBy(() -> client.sendRaw(client.request("event_change/omi-1")
                .header("Content-Type", SyncClient.XML)
                .POST(HttpRequest.BodyPublishers.ofString(write(change("c-1", set("state", "closed")), OprFormat.XML)))))
                .as("the JDK client does not resend a POST").isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);

        assertThat(omi.requestsTo(CHANGES)).extracting(RecordedRequest::status).containsExactly(0);
        assertThat(omi.event("omi-1")).get().extracting(event -> OmiSamples.text(event, "state")).isNull();
        assertThat(postClose().status()).isEqualTo(200);
        assertThat(omi.event("omi-1")).get().extracting(event -> OmiSamples.text(event, "state")).isEqualTo("closed");
    }

    @Test
    void delayNextAnswersNormallyAfterTheDelay() {
        omi.faults(CHANGES).delayNext(1, Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThat(postClose().status()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(omi.changesReceived()).hasSize(1);
    }

    private SyncClient.Reply postClose() {
        return client.post("event_change/omi-1", SyncClient.XML,
                write(change("c-1", set("state", "closed")), OprFormat.XML));
    }
}
