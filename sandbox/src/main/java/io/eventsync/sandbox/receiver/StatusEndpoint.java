package io.eventsync.sandbox.receiver;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /sim/status}, without authentication: what a person watching a run wants to know (requests
 * per path prefix, what was accepted, tokens issued, faults still queued, the last few requests). Shows
 * no secrets and no tokens; Authorization appears as the request log keeps it.
 */
final class StatusEndpoint {

    static final String PATH = "/sim/status";
    static final int LAST_REQUESTS = 20;

    private final RequestLog requests;
    private final OprEvents oprEvents;
    private final ReceivedAlerts alerts;
    private final TokenCounts tokenCounts;
    private final FaultScopes faults;
    private final JsonMapper json;

    StatusEndpoint(RequestLog requests, OprEvents oprEvents, ReceivedAlerts alerts, TokenCounts tokenCounts,
                   FaultScopes faults, JsonMapper json) {
        this.requests = requests;
        this.oprEvents = oprEvents;
        this.alerts = alerts;
        this.tokenCounts = tokenCounts;
        this.faults = faults;
        this.json = json;
    }

    Answer answer(IncomingRequest request) {
        if (!request.method().equals("GET")) {
            throw Problem.methodNotAllowed(request.method(), "GET");
        }
        ObjectNode status = json.createObjectNode();
        status.set("requests", json.valueToTree(requests.counts()));
        ObjectNode received = status.putObject("opr");
        oprEvents.counts().forEach(received::put);
        status.put("opsRampAlertsReceived", alerts.size());
        status.set("tokensIssued", json.valueToTree(tokenCounts.snapshot()));
        status.set("faultsPending", json.valueToTree(faults.pending()));
        ArrayNode last = status.putArray("lastRequests");
        for (RecordedRequest recorded : requests.newest(LAST_REQUESTS)) {
            ObjectNode item = last.addObject();
            item.put("time", recorded.time().toString());
            item.put("method", recorded.method());
            item.put("path", recorded.path());
            item.put("status", recorded.status());
            item.put("authorization", recorded.authorization());
            item.put("contentType", recorded.contentType());
            item.put("bytes", recorded.body().length);
        }
        return Answer.json(200, json.writeValueAsBytes(status));
    }
}
