package io.eventsync.egress.delivery;

import io.eventsync.egress.entity.EntityEvent;
import io.eventsync.egress.entity.EventView;
import io.eventsync.egress.route.HttpMethod;
import java.net.URI;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpsRamp's alert API ({@code POST .../api/v2/tenants/{tenantId}/alerts}, a JSON array; see
 * ../shared/design/PROTOCOLS.md): each item is the route's rendered template, or without one an
 * alert built from the event's ALERT view with OpsRamp's required fields always present. A 2xx
 * takes the whole array; OpsRamp's 429 carries Retry-After, which the forwarding rules honour.
 */
public final class OpsRampAlertsSender implements TargetSender<EntityEvent> {

    private final HttpTarget target;
    private final URI alerts;
    private final int maxBatch;
    private final boolean templated;
    private final JsonMapper json;

    public OpsRampAlertsSender(HttpTarget target, URI alerts, int maxBatch, boolean templated, JsonMapper json) {
        this.target = target;
        this.alerts = alerts;
        this.maxBatch = maxBatch;
        this.templated = templated;
        this.json = json;
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    /** Without a template, alerts are built from the view. */
    @Override
    public boolean usesBody() {
        return templated;
    }

    @Override
    public Mono<TargetAnswer> send(List<Outgoing<EntityEvent>> items) {
        Set<Long> all = Outgoing.sequences(items);
        ArrayNode array = json.createArrayNode();
        for (Outgoing<EntityEvent> item : items) {
            array.add(templated ? json.readTree(item.body()) : alert(item.item().view()));
        }
        return target.call(HttpMethod.POST, alerts, "application/json", array.toString(), answer -> all);
    }

    @Override
    public String describe() {
        return "OpsRamp alerts " + alerts;
    }

    /** OpsRamp's required alert fields from the view, with defaults where the event has nothing. */
    private ObjectNode alert(EventView view) {
        ObjectNode alert = json.createObjectNode();
        alert.put("subject", view.text("subject").orElse("eventsync event " + view.text("id").orElse("")));
        alert.put("currentState", view.text("currentState").orElse("INFO"));
        alert.put("serviceName", view.text("serviceName").orElse("eventsync"));
        alert.put("app", view.text("app").orElse("eventsync"));
        alert.putObject("device").put("hostName", view.text("resourceName").orElse("unknown"));
        view.text("description").ifPresent(text -> alert.put("description", text));
        view.text("component").ifPresent(text -> alert.put("component", text));
        view.text("alertType").ifPresent(text -> alert.put("alertType", text));
        view.text("id").ifPresent(text -> alert.put("extAlertId", text));
        return alert;
    }
}
