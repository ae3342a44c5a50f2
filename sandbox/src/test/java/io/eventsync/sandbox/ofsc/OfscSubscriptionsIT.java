package io.eventsync.sandbox.ofsc;

import io.eventsync.contracts.ofsc.OfscEventTypes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Creating, listing, reading and deleting subscriptions; their limit and idle expiry; the error body. */
class OfscSubscriptionsIT {

    private static final String SUBSCRIPTIONS = "/rest/ofscCore/v1/events/subscriptions";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private OfscSimulator simulator;
    private CoreApi api;
    private CoreApi other;

    @BeforeEach
    void start() {
        simulator = OfscSimulator.start(OfscSimulatorSettings.builder().port(0).clock(clock).maxSubscriptions(3)
                .client("other", "other-secret").build());
        api = CoreApi.of(simulator);
        other = api.as(CoreApi.basic("other@sandbox", "other-secret"));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void creatingAnswersAFortyHexIdAndTheMarkerAtTheHeadOfTheLog() {
        simulator.generate(20);

        CoreApi.Answer answer = api.post(SUBSCRIPTIONS, "{\"subscriptionTitle\":\"poller\","
                + "\"subscriptionConfig\":[{\"events\":[\"activityCreated\",\"activityMoved\"],\"fields\":[\"activityId\"]}]}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        String id = answer.json().get("subscriptionId").stringValue();
        assertThat(id).matches("[0-9a-f]{40}");
        assertThat(answer.nextPage()).hasSizeLessThanOrEqualTo(48);
        assertThat(answer.json().get("links").isArray()).isTrue();
        assertThat(api.events("subscriptionId", id, "page", answer.nextPage()).items()).isEmpty();
    }

    @Test
    void theShortFormWithEventsAloneIsAcceptedToo() {
        CoreApi.Answer answer = api.post(SUBSCRIPTIONS, "{\"events\":[\"routingRun\"]}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode described = api.get(SUBSCRIPTIONS + "/" + answer.json().get("subscriptionId").stringValue()).json();
        assertThat(described.at("/subscriptionConfig/0/events/0").stringValue()).isEqualTo("routingRun");
    }

    @Test
    void anUnknownOrMissingEventTypeOrABadBodyIsABadRequest() {
        CoreApi.Answer unknown = api.post(SUBSCRIPTIONS, "{\"subscriptionConfig\":[{\"events\":[\"activityCreated\",\"activityExploded\"]}]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").stringValue()).contains("activityExploded");

        assertThat(api.post(SUBSCRIPTIONS, "{\"subscriptionConfig\":[{\"events\":[]}]}").status()).isEqualTo(400);
        assertThat(api.post(SUBSCRIPTIONS, "{\"subscriptionTitle\":\"no config\"}").status()).isEqualTo(400);
        assertThat(api.post(SUBSCRIPTIONS, "{\"subscriptionConfig\":{\"events\":[\"activityCreated\"]}}").status())
                .isEqualTo(400);
        assertThat(api.post(SUBSCRIPTIONS, "{\"events\":[42]}").status()).isEqualTo(400);
        assertThat(api.post(SUBSCRIPTIONS, "not json").status()).isEqualTo(400);
        assertThat(api.post(SUBSCRIPTIONS, "[]").status()).isEqualTo(400);
        assertThat(api.post(SUBSCRIPTIONS, "").status()).isEqualTo(400);
    }

    @Test
    void everyEventTypeOfTheReferenceCanBeSubscribedTo() {
        CoreApi.Created created = api.create(OfscEventTypes.ALL.toArray(String[]::new));

        assertThat(OfscEventTypes.ALL).hasSize(50);
        assertThat(api.events("subscriptionId", created.id()).status()).isEqualTo(200);
    }

    @Test
    void eachClientListsAndReadsOnlyItsOwnSubscriptions() {
        String mine = api.subscribe("activityCreated");
        String theirs = other.subscribe("resourceUpdated");

        JsonNode list = api.get(SUBSCRIPTIONS).json();
        assertThat(list.get("totalResults").intValue()).isEqualTo(1);
        assertThat(list.at("/items/0/subscriptionId").stringValue()).isEqualTo(mine);
        assertThat(list.at("/items/0/subscriptionTitle").stringValue()).isEqualTo("test");
        assertThat(list.at("/items/0/subscriptionConfig/0/events/0").stringValue()).isEqualTo("activityCreated");

        assertThat(api.get(SUBSCRIPTIONS + "/" + mine).status()).isEqualTo(200);
        assertThat(api.get(SUBSCRIPTIONS + "/" + theirs).status()).isEqualTo(403);
        assertThat(api.get(SUBSCRIPTIONS + "/" + "f".repeat(40)).status()).isEqualTo(404);
        assertThat(api.delete(SUBSCRIPTIONS + "/" + theirs).status()).isEqualTo(403);
    }

    @Test
    void aDeletedSubscriptionIsGone() {
        String id = api.subscribe("activityCreated");

        CoreApi.Answer deleted = api.delete(SUBSCRIPTIONS + "/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get(SUBSCRIPTIONS + "/" + id).status()).isEqualTo(404);
        assertThat(api.events("subscriptionId", id).status()).isEqualTo(404);
        assertThat(api.delete(SUBSCRIPTIONS + "/" + id).status()).isEqualTo(404);
        assertThatIllegalArgumentException().isThrownBy(() -> simulator.eventsFor(id));
    }

    @Test
    void oneSubscriptionMoreThanTheInstanceAllowsIsRefusedWith503() {
        api.subscribe("activityCreated");
        api.subscribe("activityCreated");
        String third = other.subscribe("activityCreated");

        CoreApi.Answer refused = api.post(SUBSCRIPTIONS, "{\"events\":[\"activityCreated\"]}");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("title").stringValue()).isEqualTo("Service Unavailable");
        other.delete(SUBSCRIPTIONS + "/" + third);
        assertThat(api.post(SUBSCRIPTIONS, "{\"events\":[\"activityCreated\"]}").status()).isEqualTo(200);
    }

    @Test
    void aSubscriptionUnreadForTheIdleExpiryIsGoneButReadingKeepsItAlive() {
        String idle = api.subscribe("activityCreated");
        String read = api.subscribe("activityCreated");

        clock.advance(Duration.ofHours(30));
        assertThat(api.events("subscriptionId", read).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(7));

        assertThat(api.events("subscriptionId", idle).status()).isEqualTo(404);
        assertThat(api.events("subscriptionId", read).status()).isEqualTo(200);
        // Only successful reads count: a request that meets a fault does not refresh the timer.
        clock.advance(Duration.ofHours(30));
        simulator.faults().failNext(1, 503);
        assertThat(api.events("subscriptionId", read).status()).isEqualTo(503);
        clock.advance(Duration.ofHours(7));
        assertThat(api.events("subscriptionId", read).status()).isEqualTo(404);
    }

    @Test
    void everyErrorHasTheOfscProblemShape() {
        CoreApi.Answer badRequest = api.events("limit", "5");
        JsonNode problem = badRequest.json();
        assertThat(badRequest.header("Content-Type")).isEqualTo("application/json");
        assertThat(problem.get("type").stringValue())
                .isEqualTo("http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1");
        assertThat(problem.get("title").stringValue()).isEqualTo("Bad Request");
        assertThat(problem.get("status").isString()).isTrue();
        assertThat(problem.get("status").stringValue()).isEqualTo("400");
        assertThat(problem.get("detail").stringValue()).isNotBlank();

        CoreApi.Answer unknownPath = api.get("/rest/ofscCore/v1/activities/4711");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.json().get("type").stringValue()).endsWith("#sec10.4.5");
        assertThat(api.get("/nowhere").status()).isEqualTo(404);

        CoreApi.Answer wrongMethod = api.send("PUT", "/rest/ofscCore/v1/events?subscriptionId=x");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
        assertThat(wrongMethod.json().get("title").stringValue()).isEqualTo("Method Not Allowed");
        assertThat(api.send("PATCH", SUBSCRIPTIONS).status()).isEqualTo(405);
    }
}
