package io.eventsync.egress.admin;

import io.eventsync.contracts.topic.RecordHeaderNames;
import io.eventsync.egress.entity.EntityEvent;
import io.eventsync.egress.entity.EntityMapping;
import io.eventsync.egress.route.CompiledRoute;
import io.eventsync.egress.route.FieldProblem;
import io.eventsync.egress.route.IntegrationEvent;
import io.eventsync.egress.route.IntegrationEventAnswer;
import io.eventsync.egress.route.IntegrationEventRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shows what a route would do with one event, without storing the route or sending anything:
 * the entities the event stands for, whether the route selects it, and the request it would make
 * (method, URL, headers with credentials masked, rendered body).
 */
public final class DryRun {

    private static final Set<String> SOURCES = Set.of("omi", "ofsc");

    private final IntegrationEvents events;
    private final EntityMapping mapping;
    private final JsonMapper json;
    private final Scheduler work;

    /**
     * @param work where a dry run is computed: matching a 64 KiB property against a large pattern
     *             takes seconds, which must not hold up the server's event loop and everyone on it
     */
    public DryRun(IntegrationEvents events, EntityMapping mapping, JsonMapper json, Scheduler work) {
        this.events = events;
        this.mapping = mapping;
        this.json = json;
        this.work = work;
    }

    /**
     * @param source {@code omi} for an {@code opr.events} record value, {@code ofsc} for an {@code ofsc.events} one
     */
    public record Request(IntegrationEventRequest integrationEvent, String source, JsonNode record) {
    }

    public Mono<ObjectNode> render(String tenant, String integration, Request request) {
        return Mono.fromCallable(() -> rendered(tenant, integration, request)).subscribeOn(work);
    }

    private ObjectNode rendered(String tenant, String integration, Request request) {
        if (request == null || request.integrationEvent() == null) {
            throw new RouteRefusedException(List.of(new FieldProblem("/integrationEvent",
                    "the integration event to try")));
        }
        if (request.source() == null || !SOURCES.contains(request.source())) {
            throw new RouteRefusedException(List.of(new FieldProblem("/source",
                    "omi (an opr.events record) or ofsc (an ofsc.events record)")));
        }
        if (request.record() == null || !request.record().isObject()) {
            throw new RouteRefusedException(List.of(new FieldProblem("/record", "the record value, a JSON object")));
        }
        IntegrationEvent route = events.check(tenant, integration, request.integrationEvent());
        CompiledRoute compiled = CompiledRoute.of(route, events.baseNotifier(tenant, integration));
        List<EntityEvent> views = mapping.map(Map.of(RecordHeaderNames.SOURCE, request.source()), request.record());
        Optional<EntityEvent> selected = compiled.select(views);

        ObjectNode answer = json.createObjectNode();
        answer.put("status", route.complete() ? "COMPLETE" : "INCOMPLETE");
        if (!route.complete()) {
            ArrayNode missing = answer.putArray("incompleteFields");
            route.incomplete().forEach(missing::add);
        }
        ArrayNode entities = answer.putArray("entities");
        views.forEach(view -> entities.addObject().put("entity", view.entity().name())
                .put("action", view.action().name()));
        answer.put("selected", selected.isPresent());
        selected.ifPresent(event -> {
            ObjectNode out = answer.putObject("request");
            out.put("method", route.thirdPartyEventType().name());
            out.put("url", compiled.target().map(Object::toString).orElse(null));
            ArrayNode headers = out.putArray("headers");
            route.headers().forEach(h -> headers.addObject().put("key", h.key())
                    .put("value", h.secret() ? IntegrationEventAnswer.MASK : h.value()));
            out.put("body", compiled.body(event));
        });
        return answer;
    }
}
