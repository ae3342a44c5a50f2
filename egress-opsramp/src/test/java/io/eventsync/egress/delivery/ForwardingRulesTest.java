package io.eventsync.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed 000's bulk answer rules, one by one. */
class ForwardingRulesTest {

    private static final List<Long> BATCH = List.of(1L, 2L, 3L, 4L);
    private final ForwardingRules rules = new ForwardingRules(
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 1.0), 3, Duration.ZERO, 1);

    @Test
    void answeredItemsAreDeliveredAndUnansweredOnesGoIntoTheNextBatch() {
        Verdict verdict = rules.judge(BATCH, true, 1, Duration.ZERO, answer(200, Set.of(1L, 3L)));
        assertThat(verdict).isEqualTo(new Verdict.Delivered(List.of(1L, 3L), List.of(2L, 4L)));
    }

    @Test
    void aSingleRequestAnswered2xxIsDelivered() {
        assertThat(rules.judge(List.of(7L), false, 1, Duration.ZERO, answer(201, Set.of())))
                .isEqualTo(new Verdict.Delivered(List.of(7L), List.of()));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void aServerErrorOnABulkSplitsItIntoSingleRequests(int status) {
        assertThat(rules.judge(BATCH, true, 1, Duration.ZERO, answer(status, Set.of()))).isEqualTo(new Verdict.Split(BATCH));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 413, 422})
    void aClientErrorFailsEveryItemToTheDeadLetterTopicWithoutRetry(int status) {
        Verdict verdict = rules.judge(BATCH, true, 1, Duration.ZERO, answer(status, Set.of()));
        assertThat(verdict).isInstanceOfSatisfying(Verdict.DeadLetter.class, dead -> {
            assertThat(dead.items()).isEqualTo(BATCH);
            assertThat(dead.status()).isEqualTo(status);
            assertThat(dead.reason()).contains("HTTP " + status).contains("body excerpt");
        });
    }

    @Test
    void throttlingIsWaitedOutAsLongAsTheTargetAsksAndIsNoFailure() {
        TargetAnswer throttled = new TargetAnswer(429, Set.of(), Optional.of(Duration.ofSeconds(7)), "");
        assertThat(rules.judge(BATCH, true, 99, Duration.ZERO, throttled))
                .isEqualTo(new Verdict.Throttled(BATCH, Duration.ofSeconds(7)));
    }

    @Test
    void aSingleItemsServerErrorOrNoAnswerIsRetriedWithBackoffThenDeadLettered() {
        assertThat(rules.judge(List.of(5L), false, 1, Duration.ZERO, answer(500, Set.of())))
                .isEqualTo(new Verdict.Retry(List.of(5L), Duration.ofMillis(100)));
        assertThat(rules.judge(List.of(5L), false, 2, Duration.ZERO, TargetAnswer.noAnswer("timeout")))
                .isEqualTo(new Verdict.Retry(List.of(5L), Duration.ofMillis(200)));
        assertThat(rules.judge(List.of(5L), false, 3, Duration.ZERO, TargetAnswer.noAnswer("connection refused")))
                .isInstanceOfSatisfying(Verdict.DeadLetter.class, dead ->
                        assertThat(dead.reason()).contains("3 attempts").contains("connection refused"));
    }

    @Test
    void aTargetDownForAWhileIsRetriedUntilTheTimeIsSpentNotOnlyTheAttempts() {
        ForwardingRules patient = new ForwardingRules(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10),
                () -> 1.0), 3, Duration.ofMinutes(1), 1);
        assertThat(patient.judge(List.of(5L), false, 7, Duration.ofSeconds(59), TargetAnswer.noAnswer("refused")))
                .isInstanceOf(Verdict.Retry.class);
        assertThat(patient.judge(List.of(5L), false, 2, Duration.ofMinutes(5), answer(503, Set.of())))
                .isInstanceOf(Verdict.Retry.class);
        assertThat(patient.judge(List.of(5L), false, 3, Duration.ofSeconds(61), TargetAnswer.noAnswer("refused")))
                .isInstanceOfSatisfying(Verdict.DeadLetter.class, dead ->
                        assertThat(dead.reason()).contains("3 attempts in 61 s").contains("refused"));
    }

    @Test
    void aBulkWithoutAnAnswerIsRetriedWholeNotSplit() {
        assertThat(rules.judge(BATCH, true, 1, Duration.ZERO, TargetAnswer.noAnswer("timeout")))
                .isEqualTo(new Verdict.Retry(BATCH, Duration.ofMillis(100)));
    }

    @Test
    void a503sRetryAfterIsHonouredWhenLongerThanTheBackoff() {
        TargetAnswer unavailable = new TargetAnswer(503, Set.of(), Optional.of(Duration.ofSeconds(3)), "");
        assertThat(rules.judge(List.of(5L), false, 1, Duration.ZERO, unavailable))
                .isEqualTo(new Verdict.Retry(List.of(5L), Duration.ofSeconds(3)));
    }

    @Test
    void backoffGrowsExponentiallyUpToItsCapWithFullJitter() {
        Backoff full = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0);
        assertThat(List.of(1, 2, 3, 4, 5, 40).stream().map(full::delay).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
        Backoff half = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5);
        assertThat(half.delay(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0).delay(1))
                .isEqualTo(Duration.ofMillis(1));
    }

    private static TargetAnswer answer(int status, Set<Long> answered) {
        return new TargetAnswer(status, answered, Optional.empty(), "body excerpt");
    }
}
