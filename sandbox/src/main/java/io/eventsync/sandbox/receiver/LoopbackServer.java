package io.eventsync.sandbox.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDK HTTP server on 127.0.0.1 with its own daemon threads, as the sandbox's simulators run: bound first,
 * so the port is known while the handler is built, then serving one handler for every path. Public so that
 * the other simulators of the sandbox ({@code io.eventsync.sandbox.omi}) serve and answer the same way.
 */
public final class LoopbackServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoopbackServer.class);
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";
    private static final int BACKLOG = 256;

    private final HttpServer server;
    private final ThreadPoolExecutor http;

    private LoopbackServer(HttpServer server, ThreadPoolExecutor http) {
        this.server = server;
        this.http = http;
    }

    /**
     * Binds 127.0.0.1 on {@code port} (0: any free one), with up to {@code threads} threads named
     * {@code <threadPrefix>-<n>}; nothing is answered before {@link #serve}.
     *
     * @param what names the simulator in the error when the port is taken
     */
    public static LoopbackServer bind(int port, int threads, String threadPrefix, String what) {
        // Without TCP_NODELAY the JDK server's body segment waits for the client's delayed ACK, about 40 ms
        // an answer. The property is JVM-wide and read when the first JDK server is made, so it is set
        // only if nobody chose otherwise.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(BindAddress.get(),
                    port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not bind " + BindAddress.get().getHostAddress() + ":" + port, e);
        }
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor http = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, threadPrefix + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        http.allowCoreThreadTimeOut(true);
        server.setExecutor(http);
        return new LoopbackServer(server, http);
    }

    /** Starts answering every path with {@code handler}. */
    public void serve(HttpHandler handler) {
        server.createContext("/", handler);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Sends one answer and closes the exchange: headers, then the body unless there is none or the request
     * was a HEAD. A client that has gone away is only logged.
     */
    public static void send(HttpExchange exchange, int status, byte[] body, String contentType,
                            Map<String, String> headers) {
        try {
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            boolean bodyless = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, bodyless ? -1 : body.length);
            if (!bodyless) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // Typically a client that gave up during a delay fault and closed its end.
            log.debug("Could not send the answer: {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    /** Ends the exchange without an answer: the drop fault. */
    public static void drop(HttpExchange exchange) {
        // Closing an exchange before its headers were sent closes the connection itself: the client sees
        // the connection end without a byte of answer.
        exchange.close();
    }

    /** Stops at once and frees the port; requests still waiting (in a delay fault) are dropped. */
    @Override
    public void close() {
        server.stop(0);
        http.shutdownNow();
    }
}
