package io.eventsync.egress.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.egress.entity.EntityEvent;
import io.eventsync.egress.entity.EntityMapping;
import io.eventsync.egress.destination.EgressPolicy;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CompiledRouteTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final IntegrationEvent.Notifier BASE = new IntegrationEvent.Notifier(NotifierType.REST_API,
            "http://localhost:8091/webhook", AuthType.NONE, null, null, null, null, null, null);
    private final EntityMapping mapping = new EntityMapping();

    @Test
    void aRouteSelectsByEntityThenActionThenFilter() {
        CompiledRoute alertsOnDisk = compiled("""
                {"name": "disk", "entity": "ALERT", "eventType": "CREATE", "useBaseNotifier": true,
                 "filterCriteria": {"matchType": "ALL", "rules": [{"key": "Subject", "operator": "Contains", "value": "disk"}]}}""");

        assertThat(alertsOnDisk.select(omiEvent("Disk C: full"))).map(EntityEvent::entity).contains(Entity.ALERT);
        assertThat(alertsOnDisk.select(omiEvent("CPU busy"))).isEmpty();
        assertThat(alertsOnDisk.select(omiChange())).as("an UPDATE is not a CREATE").isEmpty();
        assertThat(compiled("""
                {"name": "any", "entity": "ALERT", "eventType": "NONE", "useBaseNotifier": true}""")
                .select(omiChange())).as("NONE selects every action").isPresent();
        assertThat(compiled("""
                {"name": "tasks", "entity": "TASK", "eventType": "NONE", "useBaseNotifier": true}""")
                .select(omiEvent("Disk C: full"))).isEmpty();
    }

    @Test
    void theBodyIsTheRenderedTemplateOrWithoutOneTheEventView() {
        String template = Base64.getEncoder().encodeToString("{\"text\":\"$alert.subject\"}".getBytes());
        CompiledRoute templated = compiled("""
                {"name": "t", "entity": "ALERT", "eventType": "CREATE", "useBaseNotifier": true,
                 "payload": "%s"}""".formatted(template));
        EntityEvent event = templated.select(omiEvent("Disk C: full")).orElseThrow();
        assertThat(templated.body(event)).isEqualTo("{\"text\":\"Disk C: full\"}");

        CompiledRoute plain = compiled("""
                {"name": "p", "entity": "ALERT", "eventType": "CREATE", "useBaseNotifier": true}""");
        assertThat(JSON.readTree(plain.body(event)).path("subject").asString()).isEqualTo("Disk C: full");
    }

    @Test
    void theBaseNotifierGivesTheTargetAndAPathEndpointIsRelativeToIt() {
        CompiledRoute route = compiled("""
                {"name": "b", "entity": "ALERT", "eventType": "CREATE", "useBaseNotifier": true, "endPointURI": "/alerts"}""");
        assertThat(route.target()).contains(URI.create("http://localhost:8091/webhook/alerts"));
        assertThat(route.notifier()).isEqualTo(BASE);
        assertThat(route.delivers()).isTrue();
    }

    @Test
    void anIncompleteRouteDoesNotDeliver() {
        CompiledRoute route = compiled("""
                {"name": "i", "entity": "ALERT", "eventType": "CREATE",
                 "notifier": {"type": "REST_API", "authType": "OAUTH2"}, "endPointURI": "api.example.com/alerts"}""");
        assertThat(route.target()).contains(URI.create("https://api.example.com/alerts"));
        assertThat(route.delivers()).isFalse();
    }

    private CompiledRoute compiled(String json) {
        IntegrationEventRequest request = JSON.readValue(json, IntegrationEventRequest.class);
        RouteValidation.Result result = new RouteValidation(EgressPolicy.open()).validate(request);
        assertThat(result.problems()).isEmpty();
        return CompiledRoute.of(result.route().orElseThrow(), BASE);
    }

    private List<EntityEvent> omiEvent(String title) {
        ObjectNode record = JSON.createObjectNode().put("kind", "event").put("omi_event_id", "e1");
        record.putObject("event").put("id", "e1").put("title", title).put("severity", "major");
        return mapping.map(Map.of("eventsync-source", "omi"), record);
    }

    private List<EntityEvent> omiChange() {
        return mapping.map(Map.of("eventsync-source", "omi"), JSON.readTree("""
                {"kind": "event_change", "omi_event_id": "e1", "event_change": {"changed_properties": {
                  "state_property_change": {"property_name": "state", "current_value": "closed"}}}}"""));
    }
}
