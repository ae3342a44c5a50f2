package io.eventsync.sandbox.ofsc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request goes through here: expiry first (retention and idle subscriptions, by the injected
 * clock), then authentication and the rate limit for the core API, then faults for {@code GET events},
 * then the endpoint. Every error becomes the one problem body; every request is recorded with the
 * status it got. Authorization headers are never logged.
 */
final class Router implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    /** Collaborators the router hands requests to. */
    record Endpoints(EventsEndpoint events, SubscriptionsEndpoint subscriptions, TokenEndpoint token,
                     StatusEndpoint status) {
    }

    private final Endpoints endpoints;
    private final EventLog eventLog;
    private final Subscriptions subscriptions;
    private final ClientAuth auth;
    private final ClientRateLimit rateLimit;
    private final Faults faults;
    private final RequestLog requests;
    private final ProblemJson problems;
    private final Clock clock;
    private final Duration latency;
    private final String fallbackOrigin;

    Router(Endpoints endpoints, EventLog eventLog, Subscriptions subscriptions, ClientAuth auth,
           ClientRateLimit rateLimit, Faults faults, RequestLog requests, ProblemJson problems, Clock clock,
           Duration latency, String fallbackOrigin) {
        this.endpoints = endpoints;
        this.eventLog = eventLog;
        this.subscriptions = subscriptions;
        this.auth = auth;
        this.rateLimit = rateLimit;
        this.faults = faults;
        this.requests = requests;
        this.problems = problems;
        this.clock = clock;
        this.latency = latency;
        this.fallbackOrigin = fallbackOrigin;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Instant received = clock.instant();
        ApiRequest request = null;
        ApiResponse response;
        try {
            request = ApiRequest.read(exchange, fallbackOrigin);
            response = route(request);
        } catch (ApiProblem problem) {
            response = problem(problem);
        } catch (IOException e) {
            // The client went away while sending its request: nobody is left to answer.
            response = ApiResponse.DROPPED;
        } catch (RuntimeException e) {
            log.warn("The OFSC simulator failed on {} {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), e);
            response = problem(ApiProblem.of(500, "The simulator failed: " + e.getClass().getSimpleName()));
        }
        if (request != null && request.path().startsWith("/rest/") && response != ApiResponse.DROPPED) {
            sleep(latency);
        }
        record(exchange, request, response, received);
        send(exchange, response);
    }

    private ApiResponse route(ApiRequest request) {
        Instant now = clock.instant();
        eventLog.expire(now);
        subscriptions.sweep();
        String path = request.path();
        String method = request.method();
        if (path.equals(Links.STATUS)) {
            allow(method, "GET");
            return endpoints.status().answer();
        }
        if (path.equals(Links.TOKEN)) {
            allow(method, "POST");
            return endpoints.token().answer(request);
        }
        if (!path.startsWith(Links.CORE)) {
            throw ApiProblem.notFound("No such resource: " + path);
        }
        // Authentication before anything about the path, as OFSC does: no probing without credentials.
        request.authenticatedAs(auth.authenticate(request.header("Authorization")));
        rateLimit.admit(request.clientId());
        if (request.malformedQuery()) {
            throw ApiProblem.badRequest("The query string is not validly encoded");
        }
        if (path.equals(Links.EVENTS)) {
            allow(method, "GET");
            return events(request);
        }
        if (path.equals(Links.SUBSCRIPTIONS)) {
            allow(method, "GET, POST");
            return method.equals("GET") ? endpoints.subscriptions().list(request)
                    : endpoints.subscriptions().create(request);
        }
        if (path.startsWith(Links.SUBSCRIPTIONS + "/") && path.indexOf('/', Links.SUBSCRIPTIONS.length() + 1) < 0) {
            String id = path.substring(Links.SUBSCRIPTIONS.length() + 1);
            allow(method, "GET, DELETE");
            return method.equals("GET") ? endpoints.subscriptions().get(request, id)
                    : endpoints.subscriptions().delete(request, id);
        }
        throw ApiProblem.notFound("No such resource: " + path);
    }

    private ApiResponse events(ApiRequest request) {
        Optional<Faults.Fault> fault = faults.take();
        if (fault.isEmpty()) {
            return endpoints.events().answer(request, true);
        }
        Faults.Fault injected = fault.get();
        log.debug("Injecting {} into GET events", injected);
        return switch (injected.kind()) {
            case FAIL -> throw ApiProblem.of(injected.status(), "Injected failure (simulator fault injection)");
            case THROTTLE -> throw ApiProblem.tooManyRequests(ceilSeconds(injected.duration()),
                    "Injected throttling (simulator fault injection)");
            case DROP -> ApiResponse.DROPPED;
            case DELAY -> {
                sleep(injected.duration());
                yield endpoints.events().answer(request, false);
            }
        };
    }

    private static void allow(String method, String allowed) {
        for (String one : allowed.split(", ")) {
            if (one.equals(method)) {
                return;
            }
        }
        throw ApiProblem.methodNotAllowed(method, allowed);
    }

    private ApiResponse problem(ApiProblem problem) {
        return new ApiResponse(problem.status(), problems.body(problem), ProblemJson.CONTENT_TYPE, problem.headers());
    }

    private void record(HttpExchange exchange, ApiRequest request, ApiResponse response, Instant received) {
        String path = request != null ? request.path() : exchange.getRequestURI().getPath();
        Map<String, String> query = request != null ? request.query() : Map.of();
        String clientId = request != null ? request.clientId() : null;
        requests.add(new RecordedRequest(exchange.getRequestMethod(), path, query, clientId, response.status(),
                received));
    }

    private static void send(HttpExchange exchange, ApiResponse response) {
        if (response == ApiResponse.DROPPED) {
            // Closing an exchange before its headers were sent closes the connection itself: the
            // client sees the connection end without a byte of response.
            exchange.close();
            return;
        }
        try {
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // Typically a client that timed out during a delay fault and closed its end.
            log.debug("Could not send the answer: {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    private static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
