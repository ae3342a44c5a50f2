package io.eventsync.sandbox.egress;

import static io.eventsync.sandbox.egress.EgressTestBed.bodies;
import static io.eventsync.sandbox.egress.EgressTestBed.notifier;
import static io.eventsync.sandbox.egress.EgressTestBed.taken;
import static io.eventsync.sandbox.egress.EgressTestBed.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.sandbox.receiver.ReceiverSimulatorSettings;
import io.eventsync.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which events a route delivers, through a real broker to the receiver simulator: seed 002's
 * filter operators under both match types, and an incomplete route whose events wait in Kafka
 * until it is completed.
 */
class EgressRoutingIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** A subject that would add a field to a template that did not escape it. */
    private static final String INJECTION = "host-g \"disk\" full\", \"injected\": \"yes";

    @Test
    void everyOperatorUnderBothMatchTypesSelectsExactlyTheEventsItShould() {
        try (EgressTestBed bed = new EgressTestBed(ReceiverSimulatorSettings.builder().port(0).build())) {
            Map<String, String> routes = Map.of(
                    "/hooks/open/all", bed.createRoute(filtered(bed, "all", "ALL", rule("Subject", "Contains", "disk"),
                            rule("Subject", "Not Contains", "ignore"), rule("Subject", "Starts with", "host"),
                            rule("Subject", "Ends with", "full"),
                            rule("currentState", "Regex", "^(CRITICAL|WARNING)$"))),
                    "/hooks/open/any", bed.createRoute(filtered(bed, "any", "ANY", rule("Subject", "Equals", "exact match"),
                            rule("Subject", "Regex", "^ticket-[0-9]+$"))),
                    "/hooks/open/not", bed.createRoute(filtered(bed, "not", "ALL",
                            rule("Subject", "Not Equals", "host-b disk full"), rule("Subject", "Starts with", "host"))));
            List<String[]> events = List.of(
                    new String[] {"host-a disk full", "major"}, new String[] {"host-b disk full", "minor"},
                    new String[] {"host-c disk full", "normal"}, new String[] {"host-d disk ignore full", "critical"},
                    new String[] {"host-e disk almost", "critical"}, new String[] {"exact match", "major"},
                    new String[] {"ticket-42", "major"}, new String[] {"ticket-42x", "major"},
                    new String[] {"EXACT MATCH", "major"}, new String[] {"a host-f disk full", "major"},
                    new String[] {INJECTION, "normal"});
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                records.add(bed.omiEvent("filter-" + i, events.get(i)[0], events.get(i)[1]));
            }
            bed.produce(records);

            Map<String, Set<String>> expected = Map.of(
                    "/hooks/open/all", Set.of("host-a disk full", "host-b disk full"),
                    "/hooks/open/any", Set.of("exact match", "ticket-42", "EXACT MATCH"),
                    "/hooks/open/not", Set.of("host-a disk full", "host-c disk full", "host-d disk ignore full",
                            "host-e disk almost", INJECTION));
            Await.until(() -> expected.keySet().stream().allMatch(path -> subjects(bed, path).equals(expected.get(path))),
                    WAIT, "each route to deliver what its filter selects");
            // Nothing more is on its way once every route has committed past every record.
            Await.pause(Duration.ofSeconds(1));
            Await.until(() -> routes.values().stream().allMatch(id -> bed.metric("eventsync_egress_consumer_lag", id) == 0),
                    WAIT, "every route to have passed every record");
            expected.forEach((path, subjects) -> assertThat(subjects(bed, path)).as(path).isEqualTo(subjects));
            assertThat(bodies(bed, "/hooks/open/not")).as("a subject cannot add fields to the rendered JSON")
                    .allSatisfy(body -> assertThat(EgressTestBed.JSON.readTree(body).has("injected")).isFalse());
        }
    }

    @Test
    void anIncompleteRouteDeliversNothingAndItsEventsWaitInKafkaUntilItIsCompleted() {
        try (EgressTestBed bed = new EgressTestBed(ReceiverSimulatorSettings.builder().port(0).build())) {
            // As seed 002's own samples do: an OAUTH2 notifier without grantType, apiKey, apiSecret, accessTokenURL.
            ObjectNode incomplete = webhook("later", "/hooks/bearer/later", notifier(bed, "OAUTH2"));
            JsonNode answer = bed.defineRoute(incomplete);
            assertThat(answer.path("status").asString()).isEqualTo("INCOMPLETE");
            String id = answer.path("id").asString();
            Await.until(() -> bed.routes("INCOMPLETE") == 1, WAIT, "the incomplete route counted in metrics");

            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                records.add(bed.omiEvent("waiting-" + i, "waiting " + i));
            }
            bed.produce(records);
            Await.pause(Duration.ofSeconds(2));
            assertThat(bed.delivering()).doesNotContainKey(id);
            assertThat(bodies(bed, "/hooks/")).isEmpty();

            ObjectNode completed = incomplete.deepCopy();
            ((ObjectNode) completed.path("notifier")).put("grantType", "CLIENT_CREDENTIALS").put("apiKey", "eventsync")
                    .put("apiSecret", "oauth-sandbox").put("accessTokenURL", bed.receiverUrl("/oauth/token"));
            assertThat(bed.updateRoute(id, completed).path("status").asString()).isEqualTo("COMPLETE");

            Await.until(() -> taken(bed, "/hooks/bearer/later") == 5, WAIT, "the five waiting events delivered");
            assertThat(bed.routes("INCOMPLETE")).isZero();
            assertThat(bed.routes("COMPLETE")).isEqualTo(1);
        }
    }

    private static ObjectNode filtered(EgressTestBed bed, String name, String matchType, ObjectNode... rules) {
        ObjectNode route = webhook(name, "/hooks/open/" + name, notifier(bed, "NONE"));
        ObjectNode criteria = route.putObject("filterCriteria").put("matchType", matchType);
        ArrayNode list = criteria.putArray("rules");
        for (ObjectNode rule : rules) {
            list.add(rule);
        }
        return route;
    }

    private static ObjectNode rule(String key, String operator, String value) {
        return EgressTestBed.JSON.createObjectNode().put("key", key).put("operator", operator).put("value", value);
    }

    private static Set<String> subjects(EgressTestBed bed, String path) {
        return bodies(bed, path).stream().map(body -> EgressTestBed.JSON.readTree(body).path("text").asString())
                .collect(Collectors.toSet());
    }
}
