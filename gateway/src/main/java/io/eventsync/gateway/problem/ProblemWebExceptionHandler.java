package io.eventsync.gateway.problem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * Answers every failure as an RFC 9457 problem, in XML when the client speaks XML. It runs
 * before Spring Boot's own error handler, so no error leaves the gateway in another shape.
 */
public final class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ProblemMapper mapper;
    private final ProblemBody body;
    private final MeterRegistry registry;

    public ProblemWebExceptionHandler(ProblemMapper mapper, ProblemBody body, MeterRegistry registry) {
        this.mapper = mapper;
        this.body = body;
        this.registry = registry;
    }

    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof AbortedException) {
            // The client closed the connection mid-request (gave up, or was cut off): nobody reads an answer, and
            // nothing of the request was taken. Not a failure of the gateway.
            log.debug("client closed the connection during {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath());
            count("client-closed");
            return Mono.empty();
        }
        ApiProblem problem = mapper.toProblem(error);
        if (problem == null) {
            log.error("unexpected failure on {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), error);
            problem = ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                    "the gateway failed unexpectedly; nothing of this request was acknowledged");
        }
        count(problem.slug());
        String instance = exchange.getRequest().getPath().value();
        boolean xml = prefersXml(exchange.getRequest());
        byte[] bytes = xml ? body.xml(problem, instance) : body.json(problem, instance);
        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(xml ? ProblemBody.PROBLEM_XML : MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        if (problem.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
        }
        if (exchange.getRequest().getMethod() == org.springframework.http.HttpMethod.HEAD) {
            return response.setComplete();
        }
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    private void count(String type) {
        Counter.builder("eventsync.gateway.rejections")
                .description("Requests answered with a problem, by problem type")
                .tag("type", type)
                .register(registry).increment();
    }

    /** XML for clients that sent XML or ask for it first; JSON for everyone else. */
    static boolean prefersXml(ServerHttpRequest request) {
        List<MediaType> accept;
        try {
            accept = request.getHeaders().getAccept();
        } catch (RuntimeException e) {
            accept = List.of();
        }
        for (MediaType type : accept) {
            if (isXml(type)) {
                return true;
            }
            if (isJson(type)) {
                return false;
            }
        }
        MediaType contentType;
        try {
            contentType = request.getHeaders().getContentType();
        } catch (RuntimeException e) {
            contentType = null;
        }
        return contentType != null && isXml(contentType);
    }

    static boolean isXml(MediaType type) {
        return "xml".equals(type.getSubtype()) || type.getSubtype().endsWith("+xml");
    }

    static boolean isJson(MediaType type) {
        return "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json");
    }
}
