package io.eventsync.gateway.http;

import io.eventsync.gateway.problem.ApiProblem;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/**
 * Reads a request body into memory, never more than the configured size: a declared length over
 * the limit is refused before reading, an undeclared one stops being read at the limit.
 */
public final class RequestBodies {

    private final int maxBytes;

    public RequestBodies(int maxBytes) {
        this.maxBytes = maxBytes;
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
                .defaultIfEmpty(new byte[0]);
    }

    private ApiProblem tooLarge(long declared) {
        return ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "the body has " + declared + " bytes; this gateway accepts at most " + maxBytes);
    }
}
