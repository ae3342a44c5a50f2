package io.eventsync.gateway.http;

import java.time.Duration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Bounds how long a client may take to send a request: its request line and headers
 * ({@link RequestHeadDeadline}) and its body (Reactor Netty's request timeout, answered 408). A
 * client that trickles bytes (slowloris) is cut off instead of holding a connection and its buffers.
 */
public final class SlowClientTimeouts implements NettyServerCustomizer {

    private static final String BYTES = "eventsync.requestHeadDeadline.bytes";
    private static final String HEADS = "eventsync.requestHeadDeadline.heads";

    private final Duration timeout;

    public SlowClientTimeouts(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the request read timeout must be positive");
        }
        this.timeout = timeout;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.requestTimeout(timeout)
                .doOnChannelInit((observer, channel, remote) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        RequestHeadDeadline deadline = new RequestHeadDeadline(timeout.toMillis());
                        channel.pipeline().addBefore(NettyPipeline.HttpCodec, BYTES, deadline.bytes());
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, HEADS, deadline.heads());
                    }
                });
    }
}
