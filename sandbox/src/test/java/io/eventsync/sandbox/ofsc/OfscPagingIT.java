package io.eventsync.sandbox.ofsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading events with markers, {@code lastRequested}, {@code since}, limits and retention, over real HTTP. */
class OfscPagingIT {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final String[] ALL_DEFAULT_TYPES =
            OfscSimulatorSettings.DEFAULT_EVENT_MIX.keySet().toArray(String[]::new);

    private final MutableClock clock = new MutableClock(START);
    private OfscSimulator simulator;
    private CoreApi api;

    @BeforeEach
    void start() {
        simulator = OfscSimulator.start(OfscSimulatorSettings.builder().port(0).clock(clock)
                .retention(Duration.ofHours(1)).build());
        api = CoreApi.of(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void pagingThroughManyPagesReadsExactlyWhatWasAppendedInOrder() {
        CoreApi.Created created = api.create(ALL_DEFAULT_TYPES);
        String subscription = created.id();
        simulator.generate(3_500);

        List<JsonNode> read = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String page = created.page();
        assertThat(page).hasSizeLessThanOrEqualTo(48);
        for (int i = 0; i < 10; i++) {
            CoreApi.Answer answer = api.events("subscriptionId", subscription, "page", page, "limit", "1000");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(answer.nextPage()).hasSizeLessThanOrEqualTo(48);
            pageSizes.add(answer.items().size());
            assertThat(answer.json().get("found").booleanValue()).isEqualTo(!answer.items().isEmpty());
            read.addAll(answer.items());
            page = answer.nextPage();
            if (answer.items().isEmpty()) {
                break;
            }
        }

        assertThat(pageSizes).containsExactly(1000, 1000, 1000, 500, 0);
        assertThat(read).hasSize(3_500).containsExactlyElementsOf(simulator.eventsFor(subscription));
    }

    @Test
    void aLimitAboveTheMaximumIsAnsweredWithTheMaximumAndNoLimitMeansAHundred() {
        String subscription = api.subscribe(ALL_DEFAULT_TYPES);
        simulator.generate(1_200);

        assertThat(api.events("subscriptionId", subscription, "limit", "1500").items()).hasSize(1000);
        assertThat(api.events("subscriptionId", subscription, "limit", "99999999999999999999").items()).hasSize(1000);
        assertThat(api.events("subscriptionId", subscription).items()).hasSize(100);
        assertThat(api.events("subscriptionId", subscription, "limit", "7").items()).hasSize(7);
        for (String bad : List.of("0", "-1", "abc", "1.5", "")) {
            CoreApi.Answer answer = api.events("subscriptionId", subscription, "limit", bad);
            assertThat(answer.status()).as("limit=" + bad).isEqualTo(400);
            assertThat(answer.json().get("detail").stringValue()).contains("limit");
        }
    }

    @Test
    void theSameMarkerGivesTheSameEventsAndEachPageContinuesWhereTheLastEnded() {
        CoreApi.Created created = api.create(ALL_DEFAULT_TYPES);
        String subscription = created.id();
        simulator.generate(250);

        CoreApi.Answer first = api.events("subscriptionId", subscription, "page", created.page());
        CoreApi.Answer again = api.events("subscriptionId", subscription, "page", created.page());
        CoreApi.Answer second = api.events("subscriptionId", subscription, "page", first.nextPage());

        assertThat(again.items()).isEqualTo(first.items());
        assertThat(again.nextPage()).isEqualTo(first.nextPage());
        List<ObjectNode> expected = simulator.eventsFor(subscription);
        assertThat(first.items()).containsExactlyElementsOf(expected.subList(0, 100));
        assertThat(second.items()).containsExactlyElementsOf(expected.subList(100, 200));
    }

    @Test
    void onlyTheSubscribedTypesAreReturnedAndAnEmptyAnswerStillMovesPastTheOthers() {
        CoreApi.Created created = api.create("activityMoved", "routingRun");
        String moves = created.id();
        String everything = api.subscribe(ALL_DEFAULT_TYPES);
        simulator.generate(2_000);

        List<JsonNode> read = readAll(moves, created.page());
        long expected = simulator.eventsFor(everything).stream()
                .filter(event -> Set.of("activityMoved", "routingRun").contains(event.get("eventType").stringValue()))
                .count();
        assertThat(read).hasSize((int) expected).containsExactlyElementsOf(simulator.eventsFor(moves));
        assertThat(read).allSatisfy(event ->
                assertThat(event.get("eventType").stringValue()).isIn("activityMoved", "routingRun"));

        // Only types the subscription does not want arrive: the answer is empty, but its marker moves on.
        String last = readToEnd(moves, created.page());
        simulator.append(event("activityCreated"));
        CoreApi.Answer empty = api.events("subscriptionId", moves, "page", last);
        assertThat(empty.items()).isEmpty();
        assertThat(empty.json().get("found").booleanValue()).isFalse();
        assertThat(empty.nextPage()).isNotEqualTo(last);
        simulator.append(event("routingRun"));
        assertThat(api.events("subscriptionId", moves, "page", empty.nextPage()).items()).hasSize(1);
    }

    @Test
    void aSubscriptionSeesOnlyEventsAppendedAfterItWasCreated() {
        simulator.generate(10);
        CoreApi.Created subscribed = api.create(ALL_DEFAULT_TYPES);
        String subscription = subscribed.id();
        String created = subscribed.page();
        simulator.generate(5);

        assertThat(simulator.eventsFor(subscription)).hasSize(5);
        assertThat(api.events("subscriptionId", subscription, "page", created).items()).hasSize(5);
        assertThat(api.events("subscriptionId", subscription).items()).hasSize(5);
        // A marker from before it existed (another subscription's) does not reach back either.
        String older = api.subscribe(ALL_DEFAULT_TYPES);
        simulator.generate(3);
        assertThat(api.events("subscriptionId", older, "page", created).items()).hasSize(3);
    }

    @Test
    void lastRequestedIsTheCreationMarkerAtFirstAndThenThePageOfTheLastSuccessfulRequest() {
        CoreApi.Created created = api.create(ALL_DEFAULT_TYPES);
        String subscription = created.id();
        simulator.generate(350);
        List<ObjectNode> expected = simulator.eventsFor(subscription);

        assertThat(api.events("subscriptionId", subscription, "page", "lastRequested").items())
                .containsExactlyElementsOf(expected.subList(0, 100));

        CoreApi.Answer first = api.events("subscriptionId", subscription, "page", created.page());
        CoreApi.Answer second = api.events("subscriptionId", subscription, "page", first.nextPage());
        assertThat(second.items()).containsExactlyElementsOf(expected.subList(100, 200));

        // A poller that crashed after reading the second page, without keeping its nextPage, reads it again.
        CoreApi.Answer recovered = api.events("subscriptionId", subscription, "page", "lastRequested");
        assertThat(recovered.items()).isEqualTo(second.items());
        assertThat(recovered.nextPage()).isEqualTo(second.nextPage());
        assertThat(api.events("subscriptionId", subscription, "page", recovered.nextPage()).items())
                .containsExactlyElementsOf(expected.subList(200, 300));
    }

    @Test
    void sinceAnswersOnlyAMarkerAtTheFirstEventAtOrAfterThatTime() {
        String subscription = api.subscribe(ALL_DEFAULT_TYPES);
        simulator.generate(10);
        clock.advance(Duration.ofSeconds(10));
        simulator.generate(10);
        clock.advance(Duration.ofSeconds(10));

        CoreApi.Answer exact = api.events("subscriptionId", subscription, "since", "2026-11-25 10:00:10");
        CoreApi.Answer between = api.events("subscriptionId", subscription, "since", "2026-11-25 10:00:05");
        assertThat(exact.status()).as(exact.body()).isEqualTo(200);
        assertThat(exact.json().get("found").booleanValue()).isFalse();
        assertThat(exact.json().has("items")).isFalse();
        assertThat(exact.nextPage()).hasSizeLessThanOrEqualTo(48);
        assertThat(between.nextPage()).isEqualTo(exact.nextPage());

        List<JsonNode> read = api.events("subscriptionId", subscription, "page", exact.nextPage()).items();
        assertThat(read).hasSize(10).containsExactlyElementsOf(simulator.eventsFor(subscription).subList(10, 20));
        assertThat(read).allSatisfy(event -> assertThat(event.get("time").stringValue()).isEqualTo("2026-11-25 10:00:10"));

        CoreApi.Answer future = api.events("subscriptionId", subscription, "since", "2026-11-26 00:00:00");
        assertThat(api.events("subscriptionId", subscription, "page", future.nextPage()).items()).isEmpty();
        CoreApi.Answer past = api.events("subscriptionId", subscription, "since", "2020-01-01 00:00:00");
        assertThat(api.events("subscriptionId", subscription, "page", past.nextPage()).items()).hasSize(20);
    }

    @Test
    void sinceWithPageOrInAnotherFormatIsRefused() {
        CoreApi.Created created = api.create(ALL_DEFAULT_TYPES);
        String subscription = created.id();
        String page = created.page();

        CoreApi.Answer both = api.events("subscriptionId", subscription, "page", page, "since", "2026-11-25 10:00:00");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("detail").stringValue()).contains("page").contains("since");
        for (String bad : List.of("2026-11-25T10:00:00Z", "2026-11-25", "2026-02-30 10:00:00", "yesterday")) {
            assertThat(api.events("subscriptionId", subscription, "since", bad).status()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void aMarkerWhoseEventsExpiredUnreadIsNoLongerValid() {
        CoreApi.Created subscribed = api.create(ALL_DEFAULT_TYPES);
        String subscription = subscribed.id();
        String created = subscribed.page();
        simulator.generate(5);
        clock.advance(Duration.ofMinutes(90));
        simulator.generate(3);

        CoreApi.Answer stale = api.events("subscriptionId", subscription, "page", created);
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.header("Content-Type")).isEqualTo("application/json");
        assertThat(stale.json().get("detail").stringValue()).contains("no longer valid").contains("expired");
        assertThat(api.events("subscriptionId", subscription, "page", "lastRequested").status()).isEqualTo(400);

        // Without a page, reading starts at the oldest retained event: the loss is over, reading goes on.
        CoreApi.Answer oldest = api.events("subscriptionId", subscription);
        assertThat(oldest.items()).hasSize(3).containsExactlyElementsOf(simulator.eventsFor(subscription));
        assertThat(simulator.eventsFor(subscription)).hasSize(3);
    }

    @Test
    void aMarkerTheSimulatorNeverProducedIsAnInvalidPage() {
        CoreApi.Created created = api.create(ALL_DEFAULT_TYPES);
        String subscription = created.id();
        simulator.generate(5);
        String marker = api.events("subscriptionId", subscription, "page", created.page()).nextPage();
        String edited = marker.replaceFirst("-(\\d+),", "-9$1,");

        for (String bad : List.of("180404-706,1", edited, "x", "a".repeat(60))) {
            CoreApi.Answer answer = api.events("subscriptionId", subscription, "page", bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.json().get("detail").stringValue()).isEqualTo("Invalid page");
        }
    }

    @Test
    void theSubscriptionIsRequiredKnownAndTheCallersOwn() {
        OfscSimulator twoClients = OfscSimulator.start(OfscSimulatorSettings.builder().port(0).clock(clock)
                .client("other", "other-secret").build());
        try {
            CoreApi mine = CoreApi.of(twoClients);
            CoreApi theirs = mine.as(CoreApi.basic("other@sandbox", "other-secret"));
            String subscription = mine.subscribe("activityCreated");

            CoreApi.Answer missing = mine.events("limit", "10");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("detail").stringValue()).contains("subscriptionId");
            assertThat(mine.events("subscriptionId", "0".repeat(40)).status()).isEqualTo(404);
            assertThat(theirs.events("subscriptionId", subscription).status()).isEqualTo(403);
            assertThat(mine.events("subscriptionId", subscription).status()).isEqualTo(200);
        } finally {
            twoClients.close();
        }
    }

    @Test
    void theLinksNameTheCatalogThisRequestAndTheNextOne() {
        CoreApi.Created subscribed = api.create(ALL_DEFAULT_TYPES);
        String subscription = subscribed.id();
        simulator.generate(3);
        String created = subscribed.page();

        CoreApi.Answer answer = api.get("/rest/ofscCore/v1/events/?subscriptionId=" + subscription
                + "&page=" + created.replace(",", "%2C") + "&limit=2");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode links = answer.json().get("links");
        assertThat(links.get(0).get("rel").stringValue()).isEqualTo("describedby");
        assertThat(links.get(0).get("href").stringValue()).endsWith("/rest/ofscCore/v1/metadata-catalog/events");
        assertThat(links.get(1).get("rel").stringValue()).isEqualTo("canonical");
        assertThat(links.get(1).get("href").stringValue()).contains("page=" + created.replace(",", "%2C"));
        assertThat(links.get(2).get("rel").stringValue()).isEqualTo("next");
        assertThat(links.get(2).get("href").stringValue())
                .startsWith(simulator.baseUrl() + "/rest/ofscCore/v1/events?subscriptionId=" + subscription)
                .contains("page=" + answer.nextPage().replace(",", "%2C"))
                .endsWith("&limit=2");
    }

    private List<JsonNode> readAll(String subscription, String page) {
        List<JsonNode> read = new ArrayList<>();
        String next = page;
        while (true) {
            CoreApi.Answer answer = api.events("subscriptionId", subscription, "page", next, "limit", "1000");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            read.addAll(answer.items());
            next = answer.nextPage();
            if (answer.items().isEmpty()) {
                return read;
            }
        }
    }

    private String readToEnd(String subscription, String page) {
        String next = page;
        while (true) {
            CoreApi.Answer answer = api.events("subscriptionId", subscription, "page", next, "limit", "1000");
            next = answer.nextPage();
            if (answer.items().isEmpty()) {
                return next;
            }
        }
    }

    private static ObjectNode event(String type) {
        ObjectNode event = CoreApi.JSON.createObjectNode();
        event.put("eventType", type);
        return event;
    }
}
