package io.eventsync.sandbox.receiver;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v2/tenants/{tenantId}/alert} (one alert) and {@code .../alerts} (an array), behind a
 * bearer token from OpsRamp's token endpoint. A request is taken whole or refused whole: any invalid alert
 * makes it a 400 naming every field at fault with its index. The answer lists an event id per alert, in
 * request order ({@code {"eventIds": [...]}}), as OpsRamp says "a list of event IDs is generated".
 */
final class OpsRampAlertsEndpoint {

    static final String PREFIX = "/api/";
    private static final Pattern ALERT_PATH = Pattern.compile("/api/v2/tenants/([^/]+)/(alert|alerts)");

    private final AccessTokens tokens;
    private final FaultScopes faults;
    private final ReceivedAlerts received;
    private final JsonMapper json;

    OpsRampAlertsEndpoint(AccessTokens tokens, FaultScopes faults, ReceivedAlerts received, JsonMapper json) {
        this.tokens = tokens;
        this.faults = faults;
        this.received = received;
        this.json = json;
    }

    Answer answer(IncomingRequest request) {
        // Authentication before anything about the path, so nobody probes the API without a token.
        tokens.authenticate(request.header("Authorization"), TokenRealm.OPSRAMP,
                faults.tokensValidFrom(request.path()));
        Matcher path = ALERT_PATH.matcher(request.path());
        if (!path.matches()) {
            throw Problem.notFound("No such resource: " + request.path());
        }
        if (!request.method().equals("POST")) {
            throw Problem.methodNotAllowed(request.method(), "POST");
        }
        boolean list = path.group(2).equals("alerts");
        List<JsonNode> alerts = alerts(request.body(), list);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            errors.addAll(AlertValidation.check(alerts.get(i), i, list ? "/" + i : ""));
        }
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw Problem.invalid((list ? "alerts[" + first.index() + "]: " : "") + first.detail()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more, see errors)" : ""), errors);
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode ids = answer.putArray("eventIds");
        for (JsonNode alert : alerts) {
            String id = UUID.randomUUID().toString();
            received.add(new OpsRampAlert(path.group(1), id, (ObjectNode) alert));
            ids.add(id);
        }
        return Answer.json(200, json.writeValueAsBytes(answer));
    }

    private List<JsonNode> alerts(byte[] body, boolean list) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            throw Problem.badRequest("The body is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw Problem.badRequest("The body is empty");
        }
        if (list != tree.isArray()) {
            throw Problem.badRequest(list ? "POST .../alerts takes a JSON array of alerts"
                    : "POST .../alert takes one alert, a JSON object; use .../alerts for an array");
        }
        List<JsonNode> alerts = new ArrayList<>();
        if (list) {
            tree.forEach(alerts::add);
        } else {
            alerts.add(tree);
        }
        return alerts;
    }
}
