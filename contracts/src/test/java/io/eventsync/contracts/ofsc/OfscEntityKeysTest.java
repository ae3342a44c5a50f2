package io.eventsync.contracts.ofsc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OfscEntityKeysTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SUBSCRIPTION = "a0fd97e62abca26a79173c974d1e9c19f46a254a";

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "activityCreated   | {\"activityDetails\":{\"activityId\":4225371,\"resourceId\":\"33001\"}}  | activity:4225371",
        "activityMoved     | {\"activityDetails\":{\"activityId\":7},\"moveDetails\":{\"fromResourceId\":\"1\"}} | activity:7",
        "activityLinkCreated | {\"fromActivityDetails\":{\"activityId\":11},\"toActivityDetails\":{\"activityId\":12}} | activity:11",
        "resourcePreferenceCreated | {\"activityDetails\":{\"activityId\":5},\"resourcePreference\":\"preferred\"} | activity:5",
        "inventoryInstalled | {\"inventoryDetails\":{\"inventoryId\":21},\"activityDetails\":{\"activityId\":5}} | inventory:21",
        "requiredInventoryCreated | {\"activityDetails\":{\"activityId\":5}} | activity:5",
        "inventoryRequestCreated | {\"activityDetails\":{\"activityId\":9}} | activity:9",
        "resourceUpdated   | {\"resourceDetails\":{\"resourceId\":\"33001\"}} | resource:33001",
        "resourceInventoryCreated | {\"inventoryDetails\":{\"inventoryId\":3},\"resourceDetails\":{\"resourceId\":\"r1\"}} | inventory:3",
        "userCreated       | {\"userDetails\":{\"login\":\"tech17\"}} | user:tech17",
        "routeUpdated      | {\"routeDetails\":\"x\",\"routeChanges\":{\"resourceId\":\"33001\",\"date\":\"2026-11-25\"}} | route:33001:2026-11-25",
        "routingRun        | {\"routingRunDetails\":{\"routingRunId\":27023,\"resourceId\":1000000}} | routing-run:27023",
        "chatMessageSent   | {\"chat\":{\"chatId\":88}} | chat:88",
        "transactionUpdated | {\"chat\":{\"chatId\":89}} | chat:89",
        "formSubmitted     | {\"activityDetails\":{\"activityId\":3}} | activity:3",
    })
    void eachEventIsKeyedByTheEntityItIsAbout(String eventType, String details, String key) {
        assertThat(OfscEntityKeys.keyOf(event(eventType, details), SUBSCRIPTION)).isEqualTo(key);
    }

    @Test
    void anEventNoRulePlacesIsKeyedByItsSubscription() {
        assertThat(OfscEntityKeys.keyOf(event("broadcastStatusUpdate", "{\"statusChanges\":{}}"), SUBSCRIPTION))
                .isEqualTo("subscription:" + SUBSCRIPTION);
        assertThat(OfscEntityKeys.keyOf(event("someFutureType", "{}"), SUBSCRIPTION))
                .isEqualTo("subscription:" + SUBSCRIPTION);
    }

    @Test
    void aBlankOrStructuredIdDoesNotMakeAKey() {
        assertThat(OfscEntityKeys.keyOf(event("activityUpdated", "{\"activityDetails\":{\"activityId\":\" \"}}"),
                SUBSCRIPTION)).isEqualTo("subscription:" + SUBSCRIPTION);
        assertThat(OfscEntityKeys.keyOf(event("resourceUpdated", "{\"resourceDetails\":{\"resourceId\":{\"a\":1}}}"),
                SUBSCRIPTION)).isEqualTo("subscription:" + SUBSCRIPTION);
    }

    private static JsonNode event(String eventType, String details) {
        var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(details);
        node.put("eventType", eventType);
        node.put("time", "2026-11-25 09:00:00");
        return node;
    }
}
