package io.eventsync.sandbox.receiver;

import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /hooks/open/**}, {@code /hooks/basic/**} and {@code /hooks/bearer/**}: targets for templated
 * webhooks (seed 002's {@code endPointURI} with {@code thirdPartyEventType} POST, PUT, PATCH, GET or DELETE
 * and {@code authType} NONE, BASIC or OAUTH2). Any path below each is accepted and any body: what a
 * client sent is for the test to read from the request log. DELETE is answered 204, the rest 200 with a
 * small JSON receipt.
 */
final class WebhookEndpoint {

    static final String PREFIX = "/hooks/";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "GET", "DELETE");
    private static final String ALLOWED = "POST, PUT, PATCH, GET, DELETE";

    private final Credentials basic;
    private final AccessTokens tokens;
    private final FaultScopes faults;
    private final JsonMapper json;

    WebhookEndpoint(Credentials basic, AccessTokens tokens, FaultScopes faults, JsonMapper json) {
        this.basic = basic;
        this.tokens = tokens;
        this.faults = faults;
        this.json = json;
    }

    Answer answer(IncomingRequest request) {
        String path = request.path();
        String kind = path.substring(PREFIX.length()).split("/", 2)[0];
        switch (kind) {
            case "open" -> {
                // no authentication, by definition
            }
            case "basic" -> BasicAuthorization.require(request.header("Authorization"), basic, "hooks");
            case "bearer" -> tokens.authenticate(request.header("Authorization"), TokenRealm.HOOKS,
                    faults.tokensValidFrom(path));
            default -> throw Problem.notFound("No such webhook target: " + path
                    + " (use /hooks/open/..., /hooks/basic/... or /hooks/bearer/...)");
        }
        if (!METHODS.contains(request.method())) {
            throw Problem.methodNotAllowed(request.method(), ALLOWED);
        }
        if (request.method().equals("DELETE")) {
            return Answer.empty(204);
        }
        ObjectNode receipt = json.createObjectNode();
        receipt.put("received", true);
        receipt.put("id", UUID.randomUUID().toString());
        receipt.put("method", request.method());
        receipt.put("path", path);
        receipt.put("bytes", request.body().length);
        return Answer.json(200, json.writeValueAsBytes(receipt));
    }
}
