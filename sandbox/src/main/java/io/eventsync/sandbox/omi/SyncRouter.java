package io.eventsync.sandbox.omi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.eventsync.sandbox.receiver.BasicAuthorization;
import io.eventsync.sandbox.receiver.FaultScopes;
import io.eventsync.sandbox.receiver.Faults;
import io.eventsync.sandbox.receiver.LoopbackServer;
import io.eventsync.sandbox.receiver.RecordedRequest;
import io.eventsync.sandbox.receiver.RequestLog;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request goes through here: the latency and queued faults of the scopes its path falls in (before
 * authentication, as a proxy in front of OMi would fail), then the web service or the simulator's control
 * API. Every refusal becomes the one problem body; every request is recorded with the status it got before the
 * answer leaves, so a client that has its answer finds its request in the log.
 */
final class SyncRouter implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(SyncRouter.class);

    private final SynchronizationService service;
    private final ControlApi control;
    private final FaultScopes faults;
    private final RequestLog requests;
    private final JsonMapper json;
    private final Clock clock;

    SyncRouter(SynchronizationService service, ControlApi control, FaultScopes faults, RequestLog requests,
               JsonMapper json, Clock clock) {
        this.service = service;
        this.control = control;
        this.faults = faults;
        this.requests = requests;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Instant received = clock.instant();
        SyncRequest request;
        try {
            request = SyncRequest.read(exchange);
        } catch (IOException e) {
            // The client went away while sending: nobody is left to answer or to assert on it.
            exchange.close();
            return;
        }
        SyncAnswer answer;
        try {
            answer = faultsThenServe(request);
        } catch (SyncProblem problem) {
            answer = problem.toAnswer(json);
        } catch (RuntimeException e) {
            log.warn("The OMi simulator failed on {} {}", request.method(), request.path(), e);
            answer = SyncProblem.of(500, "The simulator failed: " + e.getClass().getSimpleName()).toAnswer(json);
        }
        requests.add(new RecordedRequest(request.method(), request.path(), Map.of(), redacted(request),
                request.bodyAsRead(), request.contentType(), answer.status(), received));
        if (answer.dropped()) {
            LoopbackServer.drop(exchange);
        } else {
            LoopbackServer.send(exchange, answer.status(), answer.body(), answer.contentType(), answer.headers());
        }
    }

    private SyncAnswer faultsThenServe(SyncRequest request) {
        String path = request.path();
        Optional<Faults.Fault> fault = faults.meet(path);
        if (fault.isPresent()) {
            Faults.Fault injected = fault.get();
            log.debug("Injecting {} into {} {}", injected, request.method(), path);
            switch (injected.kind()) {
                case FAIL -> throw SyncProblem.of(injected.status(), "Injected failure (simulator fault injection)");
                case THROTTLE -> throw SyncProblem.of(429, "Injected throttling (simulator fault injection)",
                        Map.of("Retry-After", Long.toString(wholeSeconds(injected.duration()))));
                default -> {
                    return SyncAnswer.DROPPED;
                }
            }
        }
        if (ControlApi.serves(path)) {
            return control.answer(request);
        }
        if (!SynchronizationService.serves(path)) {
            throw SyncProblem.of(404, "No such resource: " + path + " (this simulator serves OMi's synchronization"
                    + " web service under " + SynchronizationService.BASE + " and its control API under "
                    + ControlApi.PREFIX + ")");
        }
        return service.answer(request);
    }

    /** Retry-After is in whole seconds, rounded up so a client never comes back too early. */
    private static long wholeSeconds(Duration duration) {
        return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }

    /** Authorization is kept as its scheme and whom it names ({@code Basic omi}), never the password. */
    private static Map<String, List<String>> redacted(SyncRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, name.equalsIgnoreCase("Authorization")
                ? values.stream().map(SyncRouter::principal).toList() : values));
        return headers;
    }

    private static String principal(String authorization) {
        String scheme = authorization.trim().split(" ", 2)[0];
        return BasicAuthorization.parse(authorization).map(basic -> "Basic " + basic.user())
                .orElse(scheme.equalsIgnoreCase("Basic") ? "Basic (malformed)" : scheme);
    }
}
