package io.eventsync.sandbox.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request goes through here: latency and queued faults of the scopes its path falls in (not for
 * the status page), then the endpoint its path names. Every refusal becomes the one problem body; every
 * request is recorded, with the status it got, before the answer leaves, so a client that has its answer
 * finds its request in the log.
 */
final class Router implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    /** Collaborators the router hands requests to. */
    record Endpoints(OprTarget opr, OpsRampTokenEndpoint opsRampToken, OpsRampAlertsEndpoint opsRampAlerts,
                     OAuthTokenEndpoint oauthToken, WebhookEndpoint webhooks, StatusEndpoint status) {
    }

    static final String OPSRAMP_TOKEN = "/auth/oauth/token";
    static final String OAUTH_TOKEN = "/oauth/token";

    private final Endpoints endpoints;
    private final FaultScopes faults;
    private final Throttling throttling;
    private final RequestLog requests;
    private final CredentialRedaction redaction;
    private final JsonMapper json;
    private final Clock clock;

    Router(Endpoints endpoints, FaultScopes faults, Throttling throttling, RequestLog requests,
           CredentialRedaction redaction, JsonMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.faults = faults;
        this.throttling = throttling;
        this.requests = requests;
        this.redaction = redaction;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Instant received = clock.instant();
        IncomingRequest request;
        try {
            request = IncomingRequest.read(exchange);
        } catch (IOException e) {
            // The client went away while sending its request: nobody is left to answer or to assert on it.
            exchange.close();
            return;
        }
        Answer answer;
        try {
            answer = faultsThenRoute(request);
        } catch (Problem problem) {
            answer = problem.toAnswer(json);
        } catch (RuntimeException e) {
            log.warn("The receiver simulator failed on {} {}", request.method(), request.path(), e);
            answer = Problem.of(500, "The simulator failed: " + e.getClass().getSimpleName()).toAnswer(json);
        }
        requests.add(new RecordedRequest(request.method(), request.path(), request.query(),
                redaction.headers(request.headers()), redaction.body(request), request.contentType(),
                answer.status(), received));
        send(exchange, answer);
    }

    private Answer faultsThenRoute(IncomingRequest request) {
        String path = request.path();
        if (path.startsWith("/sim/")) {
            return route(request);
        }
        Optional<Faults.Fault> fault = faults.meet(path);
        if (fault.isPresent()) {
            Faults.Fault injected = fault.get();
            log.debug("Injecting {} into {} {}", injected, request.method(), path);
            switch (injected.kind()) {
                case FAIL -> throw Problem.of(injected.status(), "Injected failure (simulator fault injection)");
                case THROTTLE -> {
                    return throttling.answer(path, injected.duration());
                }
                default -> {
                    return Answer.DROPPED;
                }
            }
        }
        return route(request);
    }

    private Answer route(IncomingRequest request) {
        String path = request.path();
        if (request.malformedQuery()) {
            throw Problem.badRequest("The query string is not validly encoded");
        }
        if (path.equals(StatusEndpoint.PATH)) {
            return endpoints.status().answer(request);
        }
        if (OprTarget.serves(path)) {
            return endpoints.opr().answer(request);
        }
        if (path.equals(OPSRAMP_TOKEN)) {
            return endpoints.opsRampToken().answer(request);
        }
        if (path.startsWith(OpsRampAlertsEndpoint.PREFIX)) {
            return endpoints.opsRampAlerts().answer(request);
        }
        if (path.equals(OAUTH_TOKEN)) {
            return endpoints.oauthToken().answer(request);
        }
        if (path.startsWith(WebhookEndpoint.PREFIX)) {
            return endpoints.webhooks().answer(request);
        }
        throw Problem.notFound("No such resource: " + path
                + " (this simulator serves /opr, /api/v2/tenants/..., /auth/oauth/token, /oauth/token, /hooks/...)");
    }

    private static void send(HttpExchange exchange, Answer answer) {
        if (answer == Answer.DROPPED) {
            LoopbackServer.drop(exchange);
            return;
        }
        LoopbackServer.send(exchange, answer.status(), answer.body(), answer.contentType(), answer.headers());
    }
}
