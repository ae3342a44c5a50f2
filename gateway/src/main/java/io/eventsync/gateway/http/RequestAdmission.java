package io.eventsync.gateway.http;

import io.eventsync.gateway.publish.OverloadedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Admits at most {@code maxConcurrent} API requests at a time and sheds the rest before their body is
 * read. Without it, a client sending faster than the gateway can parse (overload) piles up requests,
 * each holding its body, until memory or OMi's timeouts give way; with it, memory is bounded by the
 * body limit times this number and OMi backs off. Probes and metrics ({@code /actuator}) are never
 * refused, so an overloaded replica is not restarted for it.
 *
 * <p>A shed request is answered 503 with Retry-After, except the ones {@code answersOverloadItself}
 * picks: they go on, marked {@link #isShed shed}, to an endpoint that reads no more than the start of
 * the body and answers as its client needs (OMi resends a bulk answered 503 one event per request, so
 * the OPR endpoints answer a shed bulk with an empty list instead). They are not counted.
 */
public final class RequestAdmission implements WebFilter {

    private static final String SHED = RequestAdmission.class.getName() + ".shed";

    private final int maxConcurrent;
    private final Predicate<ServerWebExchange> answersOverloadItself;
    private final AtomicInteger inProgress = new AtomicInteger();

    public RequestAdmission(int maxConcurrent, Predicate<ServerWebExchange> answersOverloadItself) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.maxConcurrent = maxConcurrent;
        this.answersOverloadItself = answersOverloadItself;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        if (inProgress.incrementAndGet() > maxConcurrent) {
            inProgress.decrementAndGet();
            if (answersOverloadItself.test(exchange)) {
                exchange.getAttributes().put(SHED, Boolean.TRUE);
                return chain.filter(exchange);
            }
            return Mono.error(overloaded());
        }
        return chain.filter(exchange).doFinally(signal -> inProgress.decrementAndGet());
    }

    /** Whether this request was shed and is to be answered without being taken. */
    public static boolean isShed(ServerWebExchange exchange) {
        return Boolean.TRUE.equals(exchange.getAttribute(SHED));
    }

    /** What a shed request is refused with. */
    public OverloadedException overloaded() {
        return new OverloadedException("more than " + maxConcurrent + " requests in progress; try again after Retry-After");
    }

    /** API requests being served now. */
    public int inProgress() {
        return inProgress.get();
    }
}
