package io.eventsync.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollPlanTest {

    private final PollPlan plan = new PollPlan(Duration.ofSeconds(2), Duration.ofSeconds(10));

    @Test
    void aFullPageIsFollowedAtOnceAndAPartialOneAfterTheBusyInterval() {
        assertThat(plan.afterPage(1000, 1000)).isZero();
        assertThat(plan.afterPage(10, 1000)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void emptyPagesInARowWaitLongerUpToTheQuietIntervalAndAnEventResetsThat() {
        assertThat(plan.afterPage(0, 1000)).isEqualTo(Duration.ofSeconds(2));
        assertThat(plan.afterPage(0, 1000)).isEqualTo(Duration.ofSeconds(4));
        assertThat(plan.afterPage(0, 1000)).isEqualTo(Duration.ofSeconds(8));
        assertThat(plan.afterPage(0, 1000)).isEqualTo(Duration.ofSeconds(10));
        assertThat(plan.afterPage(0, 1000)).isEqualTo(Duration.ofSeconds(10));
        assertThat(plan.afterPage(3, 1000)).isEqualTo(Duration.ofSeconds(2));
        assertThat(plan.afterPage(0, 1000)).isEqualTo(Duration.ofSeconds(2));
    }
}
