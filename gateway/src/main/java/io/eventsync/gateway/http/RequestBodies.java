package io.eventsync.gateway.http;

import java.io.ByteArrayOutputStream;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Reads a request body into memory, never more than the configured size: a declared length over
 * the limit is refused after its first bytes, an undeclared one stops being read at the limit. Either
 * way the refusal ({@link BodyTooLargeException}) carries the body's first bytes, which say what
 * document it was. The body is handed on on the gateway's work scheduler.
 */
public final class RequestBodies {

    /** How much of a body is kept to tell what document it is: room for a declaration, comments and the root. */
    public static final int HEAD_BYTES = 1024;

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
            // A client that waits for 100 Continue is answered before it sends anything: no head to look at.
            Mono<byte[]> head = request.getHeaders().getFirst(HttpHeaders.EXPECT) != null ? Mono.just(new byte[0])
                    : head(request);
            return head.flatMap(bytes -> Mono.error(tooLarge(declared + " bytes", bytes)));
        }
        Head head = new Head();
        return DataBufferUtils.join(request.getBody().doOnNext(head::copy), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge("more than " + maxBytes + " bytes",
                        head.bytes()))
                .defaultIfEmpty(new byte[0])
                // What follows (parsing, validation, records) is CPU work: off Netty's event loops and Reactor's
                // parallel timers, which must stay free to answer probes under overload (GatewayOverloadIT).
                .publishOn(work);
    }

    /**
     * The start of the body: its first chunk as it arrived, at most {@link #HEAD_BYTES} bytes; the rest is
     * not read. For answering a request without taking it (too large, or shed under overload). One chunk,
     * not a number of bytes: a client that sends the start of a body and stalls is answered all the same.
     */
    public Mono<byte[]> head(ServerHttpRequest request) {
        Head head = new Head();
        return request.getBody()
                .next()
                .doOnNext(buffer -> {
                    head.copy(buffer);
                    DataBufferUtils.release(buffer);
                })
                .then(Mono.fromSupplier(head::bytes))
                .publishOn(work);
    }

    private BodyTooLargeException tooLarge(String size, byte[] head) {
        return new BodyTooLargeException("the body has " + size + "; this gateway accepts at most " + maxBytes, head);
    }

    /** A copy of the first bytes that pass, leaving the buffers as they are. */
    private static final class Head {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(HEAD_BYTES);

        synchronized void copy(DataBuffer buffer) {
            int room = Math.min(HEAD_BYTES - bytes.size(), buffer.readableByteCount());
            int from = buffer.readPosition();
            for (int i = 0; i < room; i++) {
                bytes.write(buffer.getByte(from + i));
            }
        }

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
