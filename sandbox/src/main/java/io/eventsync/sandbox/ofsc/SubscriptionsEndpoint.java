package io.eventsync.sandbox.ofsc;

import io.eventsync.contracts.ofsc.OfscEventTypes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /rest/ofscCore/v1/events/subscriptions}: create, list, get and delete. A new subscription's
 * {@code nextPage} is the head of the log, so it sees only events appended after it. Only the event
 * types of the config filter events; {@code fields}, {@code monitorChanges} and {@code filterExpression}
 * are kept and echoed but not applied.
 */
final class SubscriptionsEndpoint {

    private final EventLog log;
    private final Subscriptions subscriptions;
    private final PageMarkers markers;
    private final JsonMapper json;

    SubscriptionsEndpoint(EventLog log, Subscriptions subscriptions, PageMarkers markers, JsonMapper json) {
        this.log = log;
        this.subscriptions = subscriptions;
        this.markers = markers;
        this.json = json;
    }

    ApiResponse create(ApiRequest request) {
        ObjectNode body = body(request);
        JsonNode title = body.get("subscriptionTitle");
        if (title != null && !title.isNull() && !title.isString()) {
            throw ApiProblem.badRequest("subscriptionTitle must be a string");
        }
        ArrayNode config = config(body);
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode item : config) {
            for (JsonNode type : item.get("events")) {
                if (!type.isString() || !OfscEventTypes.isKnown(type.stringValue())) {
                    throw ApiProblem.badRequest("Unknown event type: " + type
                            + "; the allowed values are listed in the Get events reference");
                }
                types.add(type.stringValue());
            }
        }
        if (types.isEmpty()) {
            throw ApiProblem.badRequest("The subscription must name at least one event type in events");
        }
        Subscription subscription = subscriptions.create(request.clientId(),
                title == null || title.isNull() ? null : title.stringValue(), config, types, log.head());
        ObjectNode answer = json.createObjectNode();
        answer.put("subscriptionId", subscription.id());
        answer.put("nextPage", markers.marker(subscription.createdPosition()));
        links(answer, request, subscription);
        return ApiResponse.json(200, json.writeValueAsBytes(answer));
    }

    ApiResponse list(ApiRequest request) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode items = answer.putArray("items");
        List<Subscription> all = subscriptions.all();
        for (Subscription subscription : all) {
            if (subscription.clientId().equals(request.clientId())) {
                items.add(describe(request, subscription));
            }
        }
        answer.put("totalResults", items.size());
        return ApiResponse.json(200, json.writeValueAsBytes(answer));
    }

    ApiResponse get(ApiRequest request, String id) {
        return ApiResponse.json(200, json.writeValueAsBytes(describe(request, owned(request, id))));
    }

    ApiResponse delete(ApiRequest request, String id) {
        subscriptions.delete(owned(request, id).id());
        return ApiResponse.noContent();
    }

    private Subscription owned(ApiRequest request, String id) {
        Subscription subscription = subscriptions.find(id)
                .orElseThrow(() -> ApiProblem.notFound("There is no subscription " + id));
        if (!subscription.clientId().equals(request.clientId())) {
            throw ApiProblem.forbidden("The subscription " + id + " belongs to another application");
        }
        return subscription;
    }

    private ObjectNode describe(ApiRequest request, Subscription subscription) {
        ObjectNode item = json.createObjectNode();
        item.put("subscriptionId", subscription.id());
        if (subscription.title() != null) {
            item.put("subscriptionTitle", subscription.title());
        }
        item.set("subscriptionConfig", subscription.config());
        links(item, request, subscription);
        return item;
    }

    private void links(ObjectNode target, ApiRequest request, Subscription subscription) {
        ArrayNode links = target.putArray("links");
        Links.add(links, "canonical", request.origin() + Links.SUBSCRIPTIONS + "/" + subscription.id());
        Links.add(links, "describedby", request.origin() + Links.CORE + "metadata-catalog/events");
    }

    private ObjectNode body(ApiRequest request) {
        if (request.body() == null) {
            throw ApiProblem.of(413, "The body is larger than " + ApiRequest.MAX_BODY_BYTES + " bytes");
        }
        JsonNode body;
        try {
            body = request.body().length == 0 ? null : json.readTree(request.body());
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("The body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("The body must be a JSON object with subscriptionConfig");
        }
        return (ObjectNode) body;
    }

    /** The full form's {@code subscriptionConfig}, or the short form's {@code events} wrapped as one. */
    private ArrayNode config(ObjectNode body) {
        JsonNode config = body.get("subscriptionConfig");
        if (config == null || config.isNull()) {
            JsonNode events = body.get("events");
            if (events == null || events.isNull()) {
                throw ApiProblem.badRequest("subscriptionConfig with an events list is required");
            }
            ArrayNode wrapped = json.createArrayNode();
            wrapped.addObject().set("events", events.deepCopy());
            config = wrapped;
        }
        if (!config.isArray()) {
            throw ApiProblem.badRequest("subscriptionConfig must be an array of objects with events");
        }
        for (JsonNode item : config) {
            if (!item.isObject() || !item.path("events").isArray()) {
                throw ApiProblem.badRequest("Each subscriptionConfig item must be an object with an events array");
            }
        }
        return (ArrayNode) config.deepCopy();
    }
}
