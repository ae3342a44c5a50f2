package io.eventsync.gateway.http;

import io.eventsync.gateway.publish.OverloadedException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Admits at most {@code maxConcurrent} API requests at a time and answers the rest 503 with
 * Retry-After before their body is read. Without it, a client sending faster than the gateway can
 * parse (overload) piles up requests, each holding its body, until memory or OMi's timeouts give
 * way; with it, memory is bounded by the body limit times this number and OMi backs off. Probes and
 * metrics ({@code /actuator}) are never refused, so an overloaded replica is not restarted for it.
 */
public final class RequestAdmission implements WebFilter {

    private final int maxConcurrent;
    private final AtomicInteger inProgress = new AtomicInteger();

    public RequestAdmission(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.maxConcurrent = maxConcurrent;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        if (inProgress.incrementAndGet() > maxConcurrent) {
            inProgress.decrementAndGet();
            return Mono.error(new OverloadedException("more than " + maxConcurrent
                    + " requests in progress; try again after Retry-After"));
        }
        return chain.filter(exchange).doFinally(signal -> inProgress.decrementAndGet());
    }

    /** API requests being served now. */
    public int inProgress() {
        return inProgress.get();
    }
}
