package io.eventsync.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.ingest.config.IngestProperties.Backoff;
import io.eventsync.ingest.config.IngestProperties.Poll;
import io.eventsync.ingest.config.IngestProperties.Subscription;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The settings the README says stop the start, each with the property at fault named. */
class IngestPropertiesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aValidConfigurationHasNoViolations() {
        assertThat(violations(properties(1000, List.of(created("a"), existing("b"))))).isEmpty();
    }

    @Test
    void aPageOverOfscsMaximumIsRefused() {
        assertThat(violations(properties(1001, List.of(created("a"))))).containsExactly("pageSize");
    }

    @Test
    void anUnknownEventTypeIsRefused() {
        Subscription typo = new Subscription("a", null, List.of("activityCreatd"), null);
        assertThat(violations(properties(100, List.of(typo)))).containsExactly("subscriptions[0].eachEventTypeKnown");
    }

    @Test
    void bothAnIdAndEventTypesIsRefused() {
        Subscription both = new Subscription("a", "abc", List.of("activityCreated"), null);
        assertThat(violations(properties(100, List.of(both)))).containsExactly("subscriptions[0].eitherIdOrEventTypes");
    }

    @Test
    void twoSubscriptionsOfOneNameAreRefused() {
        assertThat(violations(properties(100, List.of(created("a"), existing("a"))))).containsExactly("eachNameUnique");
    }

    @Test
    void aNameThatCannotBeATransactionalIdPartIsRefused() {
        assertThat(violations(properties(100, List.of(created("field activity"))))).containsExactly(
                "subscriptions[0].name");
    }

    @Test
    void aQuietIntervalShorterThanTheBusyOneIsRefused() {
        IngestProperties properties = new IngestProperties("t", "c", true, 6, "p", 100,
                new Poll(Duration.ofMinutes(1), Duration.ofSeconds(1)), backoff(), List.of(created("a")));
        assertThat(violations(properties)).containsExactly("poll.ordered");
    }

    private static List<String> violations(IngestProperties properties) {
        Set<ConstraintViolation<IngestProperties>> violations = VALIDATOR.validate(properties);
        return violations.stream().map(v -> v.getPropertyPath().toString()).sorted().toList();
    }

    private static IngestProperties properties(int pageSize, List<Subscription> subscriptions) {
        return new IngestProperties("ofsc.events", "ofsc.checkpoints", true, 6, "eventsync-ingest-ofsc", pageSize,
                new Poll(Duration.ofSeconds(2), Duration.ofMinutes(2)), backoff(), subscriptions);
    }

    private static Backoff backoff() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    private static Subscription created(String name) {
        return new Subscription(name, null, List.of("activityCreated", "resourceUpdated"), null);
    }

    private static Subscription existing(String name) {
        return new Subscription(name, "4f2a", null, null);
    }
}
