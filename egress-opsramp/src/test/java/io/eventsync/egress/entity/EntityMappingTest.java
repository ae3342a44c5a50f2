package io.eventsync.egress.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.egress.route.Entity;
import io.eventsync.egress.route.EventType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class EntityMappingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> FROM_OMI = Map.of("eventsync-source", "omi");
    private static final Map<String, String> FROM_OFSC = Map.of("eventsync-source", "ofsc");
    private final EntityMapping mapping = new EntityMapping();

    @Test
    void anOmiEventIsCreatedAsBothAlertAndIncidentWithOpsRampNamesBesideItsOwn() {
        List<EntityEvent> events = mapping.map(FROM_OMI, JSON.readTree("""
                {"schema": "eventsync.opr-record/v1", "kind": "event", "connected_server": "omi",
                 "omi_event_id": "4b3e", "external_id": "8d7f", "received_at": "2026-11-25T10:00:00Z",
                 "event": {"id": "4b3e", "title": "CPU at 99%", "description": "db01 busy", "severity": "major",
                           "priority": "highest", "state": "open", "category": "System", "application": "Oracle",
                           "node_ref": {"node": {"primary_dns_name": "db01.example.com"}}}}"""));

        assertThat(events).extracting(EntityEvent::entity).containsExactly(Entity.ALERT, Entity.INCIDENT);
        assertThat(events).extracting(EntityEvent::action).containsOnly(EventType.CREATE);
        EventView view = events.get(0).view();
        assertThat(view.text("subject")).contains("CPU at 99%");
        assertThat(view.text("currentState")).contains("CRITICAL");
        assertThat(view.text("priority.name")).contains("Urgent");
        assertThat(view.text("status")).contains("Open");
        assertThat(view.text("serviceName")).contains("Oracle");
        assertThat(view.text("resourceName")).contains("db01.example.com");
        assertThat(view.text("id")).contains("4b3e");
        assertThat(view.text("externalId")).contains("8d7f");
        assertThat(view.text("severity")).as("OMi's own field").contains("major");
        assertThat(view.text("category")).contains("System");
    }

    @Test
    void anOmiChangeIsAnUpdateWhoseViewHoldsTheChangedValues() {
        List<EntityEvent> events = mapping.map(FROM_OMI, JSON.readTree("""
                {"schema": "eventsync.opr-record/v1", "kind": "event_change", "omi_event_id": "4b3e",
                 "event_change": {"id": "c1", "event_ref": {"target_id": "4b3e"}, "changed_properties": {
                   "state_property_change": {"property_name": "state", "current_value": "closed", "previous_value": "open"},
                   "severity_property_change": [{"property_name": "severity", "current_value": "minor"}]}}}"""));

        assertThat(events).extracting(EntityEvent::action).containsOnly(EventType.UPDATE);
        EventView view = events.get(0).view();
        assertThat(view.text("state")).contains("closed");
        assertThat(view.text("status")).contains("Closed");
        assertThat(view.text("currentState")).as("a closed event is OK").contains("OK");
        assertThat(view.text("severity")).contains("minor");
        assertThat(view.text("id")).contains("4b3e");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            activityCreated,         TASK,           CREATE
            activityPreworkCreated,  TASK,           CREATE
            activityUpdated,         TASK,           UPDATE
            activityCompleted,       TASK,           UPDATE
            activityLinkCreated,     TASK,           UPDATE
            activityDeleted,         TASK,           DELETE
            resourceCreated,         RESOURCE,       CREATE
            resourceUpdated,         RESOURCE,       UPDATE
            inventoryInstalled,      RESOURCE,       CREATE
            inventoryDeinstalled,    RESOURCE,       DELETE
            customerInventoryUpdated, RESOURCE,      UPDATE
            requiredInventoryDeleted, RESOURCE,      DELETE
            customerRequestCreated,  SERVICEREQUEST, CREATE
            resourceRequestCreated,  SERVICEREQUEST, CREATE
            """)
    void ofscEventTypesMapToEntitiesAndActions(String type, Entity entity, EventType action) {
        List<EntityEvent> events = mapping.map(FROM_OFSC, JSON.readTree("""
                {"eventType": "%s", "time": "2026-11-25 10:00:00",
                 "activityDetails": {"activityId": 4225269}, "resourceDetails": {"resourceId": "tech-7"},
                 "inventoryDetails": {"inventoryId": 991}}""".formatted(type)));
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.entity()).isEqualTo(entity);
            assertThat(event.action()).isEqualTo(action);
            assertThat(event.view().text("eventType")).contains(type);
            assertThat(event.view().text("time")).contains("2026-11-25 10:00:00");
        });
    }

    @Test
    void anOfscActivityViewNamesItsActivity() {
        EventView view = mapping.map(FROM_OFSC, JSON.readTree("""
                {"eventType": "activityStarted", "time": "2026-11-25 10:00:00",
                 "activityDetails": {"activityId": 4225269, "status": "started"}}""")).get(0).view();
        assertThat(view.text("id")).contains("4225269");
        assertThat(view.text("subject")).contains("activityStarted 4225269");
        assertThat(view.text("activityDetails.status")).contains("started");
    }

    @ParameterizedTest
    @CsvSource({"routeUpdated", "routingRun", "userCreated", "chatUpdated", "formSubmitted",
            "broadcastStatusUpdate", "resourcePreferenceCreated", "transactionUpdated"})
    void ofscEventsThatAreNoOpsRampEntityReachNoRoute(String type) {
        assertThat(mapping.map(FROM_OFSC, JSON.readTree("{\"eventType\": \"" + type + "\"}"))).isEmpty();
    }

    @Test
    void recordsOfAnotherSourceOrShapeReachNoRoute() {
        assertThat(mapping.map(Map.of(), JSON.readTree("{\"kind\": \"event\", \"event\": {}}"))).isEmpty();
        assertThat(mapping.map(FROM_OMI, JSON.readTree("{\"kind\": \"annotation\"}"))).isEmpty();
    }
}
