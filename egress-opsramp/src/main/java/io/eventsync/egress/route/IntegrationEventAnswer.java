package io.eventsync.egress.route;

import io.eventsync.egress.route.IntegrationEvent.Header;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An integration event as the admin API answers it, in the shape of seed 002's sample responses:
 * the template decoded as {@code eventPayload}, the filter with ids, the notifier without its
 * secrets (its {@code baseURI} is the URL events go to, as in the samples), credential headers
 * masked. Two fields the seed does not have say whether the route delivers: {@code status}
 * ({@code COMPLETE} or {@code INCOMPLETE}) and {@code incompleteFields}.
 */
public final class IntegrationEventAnswer {

    public static final String MASK = "******";

    private final JsonMapper json;

    public IntegrationEventAnswer(JsonMapper json) {
        this.json = json;
    }

    public ObjectNode of(IntegrationEvent route) {
        ObjectNode answer = json.createObjectNode();
        answer.put("id", route.id());
        answer.put("name", route.name());
        answer.put("entity", route.entity() == null ? null : route.entity().name());
        answer.put("eventType", route.eventType() == null ? null : route.eventType().name());
        if (route.filterCriteria() != null) {
            ObjectNode filter = answer.putObject("filterCriteria");
            filter.put("id", route.filterCriteria().id());
            filter.put("name", route.name());
            filter.put("matchType", route.filterCriteria().matchType().name());
            ArrayNode rules = filter.putArray("rules");
            route.filterCriteria().rules().forEach(rule -> rules.addObject()
                    .put("id", rule.id())
                    .put("key", rule.key())
                    .put("operator", rule.operator().label())
                    .put("value", rule.value())
                    .put("resourceType", rule.resourceType()));
            filter.putArray("actions");
        }
        if (route.useBaseNotifier()) {
            answer.put("useBaseNotifier", true);
        }
        if (route.notifier() != null) {
            IntegrationEvent.Notifier notifier = route.notifier();
            ObjectNode out = answer.putObject("notifier");
            putIfSet(out, "baseURI", route.endPointURI() != null ? route.endPointURI() : notifier.baseURI());
            putIfSet(out, "authType", notifier.authType() == null ? null : notifier.authType().name());
            putIfSet(out, "grantType", notifier.grantType() == null ? null : notifier.grantType().name());
            putIfSet(out, "userName", notifier.userName());
            putIfSet(out, "apiKey", notifier.apiKey());
            putIfSet(out, "accessTokenURL", notifier.accessTokenURL());
        } else if (route.endPointURI() != null) {
            answer.put("endPointURI", route.endPointURI());
        }
        answer.put("thirdPartyEventType", route.thirdPartyEventType().name());
        headers(answer, "headers", route.headers());
        if (route.template() != null) {
            answer.put("eventPayload", route.template());
        }
        if (!route.responseHeaders().isEmpty()) {
            headers(answer, "responseHeaders", route.responseHeaders());
        }
        answer.putObject("delivery").put("kind", route.delivery().kind().name())
                .put("batchSize", route.delivery().batchSize());
        answer.put("status", route.complete() ? "COMPLETE" : "INCOMPLETE");
        if (!route.complete()) {
            ArrayNode missing = answer.putArray("incompleteFields");
            route.incomplete().forEach(missing::add);
        }
        return answer;
    }

    private static void headers(ObjectNode answer, String name, List<Header> headers) {
        ArrayNode out = answer.putArray(name);
        headers.forEach(header -> out.addObject().put("key", header.key())
                .put("value", header.secret() ? MASK : header.value()));
    }

    private static void putIfSet(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
