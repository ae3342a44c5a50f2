package io.eventsync.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.ingest.poll.SubscriptionStatus.State;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class SubscriptionsHealthIndicatorTest {

    @Test
    void notReadyWhileAnySubscriptionIsStillStarting() {
        Health health = healthOf(new SubscriptionStatus("a", State.POLLING, ""),
                new SubscriptionStatus("b", State.STARTING, ""));
        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails()).containsEntry("a", "POLLING").containsEntry("b", "STARTING");
    }

    @Test
    void retryingIsUpWithTheFailureShown() {
        Health health = healthOf(new SubscriptionStatus("a", State.RETRYING, "PAGE answered 503"));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("a", "RETRYING: PAGE answered 503");
    }

    @Test
    void oneStoppedSubscriptionMakesItDownEvenWhileAnotherStarts() {
        Health health = healthOf(new SubscriptionStatus("a", State.STOPPED, "401"),
                new SubscriptionStatus("b", State.STARTING, ""));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    private static Health healthOf(SubscriptionStatus... statuses) {
        return new SubscriptionsHealthIndicator(() -> List.of(statuses)).health();
    }
}
