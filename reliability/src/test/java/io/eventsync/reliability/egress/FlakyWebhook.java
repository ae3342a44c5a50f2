package io.eventsync.reliability.egress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on a fixed loopback port that can go away (connections refused, as a target
 * being redeployed) and come back on the same port. It keeps, across restarts, the {@code text} of
 * every payload of every request it answered 200, in arrival order.
 */
public final class FlakyWebhook implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    /**
     * Guarded by itself. Not a copy-on-write list: that copied every arrival so far on each one, and
     * at the full soak's 600,000 arrivals the webhook, not egress, fell behind.
     */
    private final List<String> received = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private HttpServer server;

    public FlakyWebhook() {
        server = bind(0);
        port = server.getAddress().getPort();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A snapshot, in arrival order. */
    public List<String> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    public int requests() {
        return requests.get();
    }

    /** Down: the port refuses connections until {@link #up()}. */
    synchronized void down() {
        server.stop(0);
        server = null;
    }

    synchronized void up() {
        server = bind(port);
    }

    private HttpServer bind(int on) {
        try {
            HttpServer bound = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 64);
            bound.createContext("/", this::handle);
            bound.setExecutor(handlers);
            bound.start();
            return bound;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            List<String> texts = new ArrayList<>();
            for (JsonNode payload : body.isArray() ? body : List.of(body)) {
                texts.add(payload.path("text").asString());
            }
            synchronized (received) {
                received.addAll(texts);
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }
}
