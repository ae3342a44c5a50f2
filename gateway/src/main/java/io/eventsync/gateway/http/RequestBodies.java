package io.eventsync.gateway.http;

import io.eventsync.gateway.problem.ApiProblem;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Reads a request body into memory, never more than the configured size: a declared length over
 * the limit is refused before reading, an undeclared one stops being read at the limit. The body is
 * handed on on the gateway's work scheduler.
 */
public final class RequestBodies {

    private final int maxBytes;
    private final Scheduler work;

    /** @param work where what follows the read runs: CPU work, kept off Netty's event loops */
    public RequestBodies(int maxBytes, Scheduler work) {
        this.maxBytes = maxBytes;
        this.work = work;
    }

    public Mono<byte[]> read(ServerHttpRequest request) {
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge(declared));
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                // What follows (parsing, validation, records) is CPU work: off Netty's event loops and Reactor's
                // parallel timers, which must stay free to answer probes under overload (GatewayOverloadIT).
                .publishOn(work);
    }

    private ApiProblem tooLarge(long declared) {
        return ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "the body has " + declared + " bytes; this gateway accepts at most " + maxBytes);
    }
}
