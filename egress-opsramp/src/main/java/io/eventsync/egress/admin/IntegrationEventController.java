package io.eventsync.egress.admin;

import io.eventsync.egress.route.IntegrationEventRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 002's "Create integration event" call and the list, get, update and delete its users expect,
 * on the same resource path.
 */
@RestController
@RequestMapping(path = IntegrationEventController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public final class IntegrationEventController {

    public static final String BASE = "/api/v2/tenants/{tenant}/integrations/installed/{integration}";

    private final IntegrationEvents events;
    private final DryRun dryRun;
    private final JsonMapper json;

    public IntegrationEventController(IntegrationEvents events, DryRun dryRun, JsonMapper json) {
        this.events = events;
        this.dryRun = dryRun;
        this.json = json;
    }

    /** The dry run: what a route would send for one event; nothing is stored or sent. */
    @PostMapping(path = "/event/render", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ObjectNode> render(@PathVariable String tenant, @PathVariable String integration,
                                   @RequestBody DryRun.Request request) {
        return dryRun.render(tenant, integration, request);
    }

    @PostMapping(path = "/event", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ObjectNode> create(@PathVariable String tenant, @PathVariable String integration,
                                   @RequestBody IntegrationEventRequest request) {
        return Mono.defer(() -> events.create(tenant, integration, request)).map(events.answers()::of);
    }

    @GetMapping("/events")
    public ObjectNode list(@PathVariable String tenant, @PathVariable String integration) {
        List<ObjectNode> answers = events.list(tenant, integration).stream().map(events.answers()::of).toList();
        ObjectNode page = json.createObjectNode();
        ArrayNode results = page.putArray("results");
        answers.forEach(results::add);
        page.put("totalResults", answers.size());
        return page;
    }

    @GetMapping("/event/{id}")
    public ObjectNode get(@PathVariable String tenant, @PathVariable String integration, @PathVariable String id) {
        return events.answers().of(events.get(tenant, integration, id));
    }

    @PutMapping(path = "/event/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ObjectNode> update(@PathVariable String tenant, @PathVariable String integration,
                                   @PathVariable String id, @RequestBody IntegrationEventRequest request) {
        return Mono.defer(() -> events.update(tenant, integration, id, request)).map(events.answers()::of);
    }

    @DeleteMapping("/event/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String tenant, @PathVariable String integration,
                                             @PathVariable String id) {
        return Mono.defer(() -> events.delete(tenant, integration, id))
                .thenReturn(ResponseEntity.status(HttpStatus.NO_CONTENT).<Void>build());
    }
}
