package io.eventsync.sandbox.ofsc;

import io.eventsync.contracts.ofsc.OfscEventTypes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import io.eventsync.testkit.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The events the simulator makes: their shapes, uniqueness, repeatability, mix and rate. */
class OfscGeneratorIT {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void everyEventTypeHasTheFieldsAConsumerKeysOn() {
        Map<String, Integer> everyType = new LinkedHashMap<>();
        OfscEventTypes.ALL.forEach(type -> everyType.put(type, 1));
        try (OfscSimulator simulator = start(settings().eventMix(everyType))) {
            String subscription = CoreApi.of(simulator).subscribe(OfscEventTypes.ALL.toArray(String[]::new));
            simulator.generate(5_000);
            List<ObjectNode> events = simulator.eventsFor(subscription);

            assertThat(events).extracting(event -> event.get("eventType").stringValue())
                    .containsAll(OfscEventTypes.ALL);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.get("time").stringValue()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
                assertShape(event.get("eventType").stringValue(), event);
            });
            assertThat(events).anySatisfy(event -> assertThat(event.has("user")).isFalse());
            assertThat(events).anySatisfy(event -> assertThat(event.get("user").isString()).isTrue());
        }
    }

    @Test
    void everyGeneratedEventIsUniqueAndManyShareAnEntity() {
        try (OfscSimulator simulator = start(settings())) {
            String subscription = CoreApi.of(simulator).subscribe(
                    OfscSimulatorSettings.DEFAULT_EVENT_MIX.keySet().toArray(String[]::new));
            simulator.generate(10_000);
            List<ObjectNode> events = simulator.eventsFor(subscription);

            assertThat(new HashSet<JsonNode>(events)).hasSize(10_000);
            Set<Integer> activities = events.stream().filter(event -> event.has("activityDetails"))
                    .map(event -> event.at("/activityDetails/activityId").intValue()).collect(Collectors.toSet());
            assertThat(activities.size()).isLessThanOrEqualTo(200);
            long activityEvents = events.stream()
                    .filter(event -> event.get("eventType").stringValue().startsWith("activity")).count();
            assertThat(activityEvents).isGreaterThan(events.size() / 2);
        }
    }

    @Test
    void eachActivitysRevisionRisesAlongTheLog() {
        try (OfscSimulator simulator = start(settings())) {
            String subscription = CoreApi.of(simulator).subscribe("activityCreated", "activityUpdated",
                    "activityStarted", "activityCompleted", "activityMoved");
            simulator.generate(3_000);

            Map<Integer, Integer> last = new LinkedHashMap<>();
            for (ObjectNode event : simulator.eventsFor(subscription)) {
                int id = event.at("/activityDetails/activityId").intValue();
                int revision = event.at("/activityDetails/XA_REVISION").intValue();
                assertThat(revision).isGreaterThan(last.getOrDefault(id, 0));
                last.put(id, revision);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameEvents() {
        MutableClock clock = new MutableClock(START);
        try (OfscSimulator one = start(settings().clock(clock).randomSeed(7));
             OfscSimulator two = start(settings().clock(clock).randomSeed(7));
             OfscSimulator other = start(settings().clock(clock).randomSeed(8))) {
            String[] types = OfscSimulatorSettings.DEFAULT_EVENT_MIX.keySet().toArray(String[]::new);
            String a = CoreApi.of(one).subscribe(types);
            String b = CoreApi.of(two).subscribe(types);
            String c = CoreApi.of(other).subscribe(types);
            one.generate(500);
            two.generate(200);
            two.generate(300);
            other.generate(500);

            assertThat(one.eventsFor(a)).isEqualTo(two.eventsFor(b)).isNotEqualTo(other.eventsFor(c));
        }
    }

    @Test
    void extraPayloadGoesIntoANotesField() {
        try (OfscSimulator simulator = start(settings().extraPayloadBytes(2_000)
                .eventMix(Map.of("activityUpdated", 1)))) {
            String subscription = CoreApi.of(simulator).subscribe("activityUpdated");
            simulator.generate(3);

            assertThat(simulator.eventsFor(subscription)).allSatisfy(event ->
                    assertThat(event.at("/activityDetails/XA_NOTES").stringValue()).hasSize(2_000));
        }
    }

    @Test
    void appendKeepsTheEventAsGivenAndStampsTheTimeWhenMissing() {
        MutableClock clock = new MutableClock(START);
        try (OfscSimulator simulator = start(settings().clock(clock))) {
            String subscription = CoreApi.of(simulator).subscribe("activityMoved");
            ObjectNode moved = CoreApi.JSON.createObjectNode().put("eventType", "activityMoved").put("user", "admin");
            moved.putObject("activityDetails").put("activityId", 17).put("resourceId", "TECH-001");
            ObjectNode timed = moved.deepCopy().put("time", "2026-11-25 09:59:00");

            simulator.append(moved);
            simulator.append(timed);

            List<ObjectNode> events = simulator.eventsFor(subscription);
            assertThat(events.get(0).get("time").stringValue()).isEqualTo("2026-11-25 10:00:00");
            assertThat(events.get(0).without("time")).isEqualTo(moved);
            assertThat(events.get(1)).isEqualTo(timed);
            assertThat(moved.has("time")).as("the caller's node is left alone").isFalse();
            assertThatIllegalArgumentException().isThrownBy(() ->
                    simulator.append(CoreApi.JSON.createObjectNode().put("eventType", "somethingElse")));
            assertThatIllegalArgumentException().isThrownBy(() ->
                    simulator.append(moved.deepCopy().put("time", "25.11.2026")));
        }
    }

    @Test
    void theSteadyStreamFollowsTheClockAndSkipsLongBacklogs() {
        MutableClock clock = new MutableClock(START);
        try (OfscSimulator simulator = start(settings().clock(clock).eventsPerSecond(300))) {
            simulator.startGenerating();
            clock.advance(Duration.ofSeconds(2));
            awaitTrue(() -> simulator.appendedCount() == 600);
            Await.pause(Duration.ofMillis(300));
            assertThat(simulator.appendedCount()).isEqualTo(600);

            clock.advance(Duration.ofDays(1));
            awaitTrue(() -> simulator.appendedCount() == 600 + 3_000);
            simulator.stopGenerating();
            clock.advance(Duration.ofSeconds(10));
            Await.pause(Duration.ofMillis(300));
            assertThat(simulator.appendedCount()).isEqualTo(3_600);
        }
    }

    @Test
    void theSteadyStreamOnTheRealClockRunsAtRoughlyTheConfiguredRate() {
        Clock clock = Clock.systemUTC();
        try (OfscSimulator simulator = start(settings().clock(clock).eventsPerSecond(500))) {
            Instant started = clock.instant();
            simulator.startGenerating();
            Await.pause(Duration.ofMillis(1_500));
            simulator.stopGenerating();
            double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;

            assertThat((double) simulator.appendedCount()).isBetween(500 * seconds * 0.5, 500 * seconds * 1.5);
        }
    }

    private static void assertShape(String type, JsonNode event) {
        Function<String, JsonNode> at = event::at;
        if (type.endsWith("RequestCreated")) {
            assertThat(at.apply("/requestDetails").isString()).isTrue();
        } else if (type.equals("routingRun")) {
            assertThat(at.apply("/routingRunDetails/resourceId").isInt()).isTrue();
            assertThat(at.apply("/routingRunDetails/routingRunId").isInt()).isTrue();
            assertThat(at.apply("/routingRunDetails/routingPlan").stringValue()).isEqualTo("Bulk Routing");
        } else if (type.startsWith("activityLink")) {
            assertThat(at.apply("/activityLinkDetails").isString()).isTrue();
            assertThat(at.apply("/fromActivityDetails/activityId").isInt()).isTrue();
            assertThat(at.apply("/toActivityDetails/activityId").isInt()).isTrue();
        } else if (type.startsWith("resourcePreference")) {
            assertThat(at.apply("/activityDetails/activityId").isInt()).isTrue();
            assertThat(at.apply("/resourcePreference").isString()).isTrue();
        } else if (type.contains("nventory")) {
            assertThat(at.apply("/inventoryDetails/inventoryId").isInt()).isTrue();
            assertThat(at.apply("/inventoryDetails/inventoryType").isString()).isTrue();
            assertThat(at.apply("/inventoryDetails/serialNumber").isString()).isTrue();
            if (!type.startsWith("resourceInventory")) {
                assertThat(at.apply("/activityDetails/activityId").isInt()).isTrue();
            }
            if (type.endsWith("Updated")) {
                assertThat(at.apply("/inventoryChanges").isObject()).isTrue();
            }
        } else if (type.startsWith("activity")) {
            assertThat(at.apply("/activityDetails/activityId").isInt()).isTrue();
            assertThat(at.apply("/activityDetails/resourceId").isString()).isTrue();
            assertThat(at.apply("/activityDetails/apptNumber").isString()).isTrue();
            assertThat(at.apply("/activityDetails/status").isString()).isTrue();
            assertThat(at.apply("/activityDetails/date").stringValue()).matches("\\d{4}-\\d\\d-\\d\\d");
            assertThat(at.apply("/activityDetails/activityType").isString()).isTrue();
            if (type.equals("activityUpdated")) {
                assertThat(at.apply("/activityChanges").isObject()).isTrue();
            }
            if (type.equals("activityMoved")) {
                assertThat(at.apply("/moveDetails/fromResourceId").isString()).isTrue();
                assertThat(at.apply("/moveDetails/toResourceId").stringValue())
                        .isEqualTo(at.apply("/activityDetails/resourceId").stringValue());
            }
        } else if (type.startsWith("route")) {
            assertThat(at.apply("/routeDetails").isString()).isTrue();
            assertThat(at.apply("/routeChanges/resourceId").isString()).isTrue();
            assertThat(at.apply("/routeChanges/date").stringValue()).matches("\\d{4}-\\d\\d-\\d\\d");
        } else if (type.startsWith("resource")) {
            assertThat(at.apply("/resourceDetails/resourceId").isString()).isTrue();
            assertThat(at.apply("/resourceDetails/name").isString()).isTrue();
            assertThat(at.apply("/resourceDetails/resourceType").isString()).isTrue();
            if (type.equals("resourceUpdated")) {
                assertThat(at.apply("/resourceChanges").isObject()).isTrue();
            }
        } else if (type.startsWith("user")) {
            assertThat(at.apply("/userDetails/login").isString()).isTrue();
        } else if (type.equals("broadcastStatusUpdate")) {
            assertThat(at.apply("/statusChanges").isObject()).isTrue();
        } else if (type.equals("formSubmitted")) {
            assertThat(at.apply("/activityDetails/activityId").isInt()).isTrue();
        } else {
            assertThat(at.apply("/chat/chatId").isInt()).as(type).isTrue();
        }
    }

    private static OfscSimulatorSettings.Builder settings() {
        return OfscSimulatorSettings.builder().port(0).clock(new MutableClock(START));
    }

    private static OfscSimulator start(OfscSimulatorSettings.Builder settings) {
        return OfscSimulator.start(settings.build());
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 5 s");
            }
            Await.pause(Duration.ofMillis(20));
        }
    }
}
