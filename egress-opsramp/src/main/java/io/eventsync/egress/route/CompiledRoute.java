package io.eventsync.egress.route;

import io.eventsync.egress.entity.EntityEvent;
import io.eventsync.egress.filter.FilterCriteria;
import io.eventsync.egress.filter.Rule;
import io.eventsync.egress.route.IntegrationEvent.Header;
import io.eventsync.egress.destination.TargetUris;
import io.eventsync.egress.template.PayloadFormat;
import io.eventsync.egress.template.PayloadTemplate;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A route ready to run: which events it selects and the request it makes for one. Built once per
 * definition change, used for every event.
 *
 * @param notifier the notifier requests go through: the route's own, or its integration's base notifier
 * @param target where requests go; empty when the definition names no usable URL (it is incomplete)
 */
public record CompiledRoute(IntegrationEvent definition, FilterCriteria filter, Optional<PayloadTemplate> template,
                            IntegrationEvent.Notifier notifier, Optional<URI> target) {

    /**
     * @param baseNotifier the installed integration's notifier, for {@code useBaseNotifier} routes
     */
    public static CompiledRoute of(IntegrationEvent route, IntegrationEvent.Notifier baseNotifier) {
        FilterCriteria filter = route.filterCriteria() == null ? FilterCriteria.NONE
                : new FilterCriteria(route.filterCriteria().matchType(), route.filterCriteria().rules().stream()
                        .map(rule -> Rule.of(rule.key(), rule.operator(), rule.value(), rule.resourceType()))
                        .toList());
        IntegrationEvent.Notifier notifier = route.useBaseNotifier() || route.notifier() == null
                ? baseNotifier : route.notifier();
        Optional<PayloadTemplate> template = Optional.ofNullable(route.template())
                .map(text -> PayloadTemplate.parse(text, PayloadFormat.of(contentType(route.headers()), text)));
        String base = notifier == null ? null : notifier.baseURI();
        return new CompiledRoute(route, filter, template, notifier, TargetUris.resolve(route.endPointURI(), base));
    }

    /** The first of an event's entity views this route selects: entity, action, then filter. */
    public Optional<EntityEvent> select(List<EntityEvent> views) {
        return views.stream()
                .filter(view -> view.entity() == definition.entity())
                .filter(view -> definition.eventType() != null && definition.eventType().selects(view.action()))
                .filter(view -> filter.matches(view.view()))
                .findFirst();
    }

    /** The request body for one selected event: the rendered template, or the event view as JSON. */
    public String body(EntityEvent event) {
        return template.map(t -> t.render(event.view())).orElseGet(() -> event.view().root().toString());
    }

    public boolean delivers() {
        return definition.complete() && target.isPresent() && notifier != null;
    }

    private static String contentType(List<Header> headers) {
        return headers.stream().filter(h -> h.key().equalsIgnoreCase("Content-Type")).map(Header::value)
                .findFirst().orElse(null);
    }
}
