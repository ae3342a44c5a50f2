package io.eventsync.egress.delivery;

import io.eventsync.egress.entity.EntityEvent;
import io.eventsync.egress.entity.EntityMapping;
import io.eventsync.egress.route.CompiledRoute;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A route's choice: the entity events a record stands for, the one the route selects, and its
 * rendered body (none when the route's sender does not send one). The record is read once here;
 * senders reach it through {@link EntityEvent#record()}.
 */
public final class RouteSelector implements RecordSelector<EntityEvent> {

    private final CompiledRoute route;
    private final EntityMapping mapping;
    private final JsonMapper json;
    private final boolean rendersBody;

    /**
     * @param rendersBody whether to render each selected event's body ({@link TargetSender#usesBody()})
     */
    public RouteSelector(CompiledRoute route, EntityMapping mapping, JsonMapper json, boolean rendersBody) {
        this.route = route;
        this.mapping = mapping;
        this.json = json;
        this.rendersBody = rendersBody;
    }

    @Override
    public Mono<Selection<EntityEvent>> select(SourceRecord record) {
        List<EntityEvent> views;
        try {
            views = record.value() == null ? List.of() : mapping.map(record.headers(), json.readTree(record.value()));
        } catch (JacksonException e) {
            return Mono.just(Selection.refuse("the record's value is not JSON: " + e.getOriginalMessage()));
        }
        Optional<EntityEvent> event = route.select(views);
        return Mono.just(event.map(selected -> Selection.deliver(selected,
                        rendersBody ? route.body(selected) : null))
                .orElseGet(Selection::pass));
    }
}
