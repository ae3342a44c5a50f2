package io.eventsync.gateway.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request line and headers are not complete within {@code timeout} of the
 * connection opening or of the request's first byte. Netty's idle timeouts restart at every byte read,
 * so a client sending one header byte a second (slowloris) would hold its connection, and a buffer, for
 * as long as the header limit lasts; this deadline does not restart. A connection idle between
 * requests is left to the server's idle timeout: closing it here would race a client reusing it.
 *
 * <p>One per connection, in two handlers around the HTTP codec: {@link #bytes()} before it sees a
 * request begin, {@link #heads()} after it sees its headers decoded and its answer written. Both run
 * on the connection's event loop, so the state needs no locking.
 */
final class RequestHeadDeadline {

    private final long timeoutMillis;
    private int requestsInProgress;
    private ScheduledFuture<?> deadline;

    RequestHeadDeadline(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** Before the codec: starts the deadline when a connection opens and when a new request begins. */
    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                if (ctx.channel().isActive()) {
                    arm(ctx);
                }
            }

            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                arm(ctx);
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (deadline == null && requestsInProgress == 0) {
                    arm(ctx);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                cancel();
                ctx.fireChannelInactive();
            }
        };
    }

    /** After the codec: a decoded request head meets the deadline; a written answer ends the request. */
    ChannelHandler heads() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    requestsInProgress++;
                    cancel();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof LastHttpContent) {
                    promise.addListener(written -> requestsInProgress = Math.max(0, requestsInProgress - 1));
                }
                ctx.write(msg, promise);
            }
        };
    }

    private void arm(ChannelHandlerContext ctx) {
        cancel();
        deadline = ctx.executor().schedule(() -> {
            deadline = null;
            if (requestsInProgress == 0) {
                ctx.close();
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
