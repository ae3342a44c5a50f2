package io.eventsync.egress.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A webhook receiver on loopback for delivery tests: records every request and answers with the
 * status a test chooses per request body.
 */
final class WebhookTarget implements AutoCloseable {

    record Received(String method, String path, String authorization, String contentType, String body) {
    }

    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<String, Integer> answer = body -> 200;
    private volatile Duration latency = Duration.ZERO;
    private volatile int replyPadding;

    WebhookTarget() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(executor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            sleep(latency);
            int status = answer.apply(body);
            byte[] reply = ("{\"status\":" + status + ",\"padding\":\"" + "x".repeat(replyPadding) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    /** Every answer takes at least this long: requests are in flight when a test breaks something. */
    void latency(Duration latency) {
        this.latency = latency;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every answer carries this many more bytes, as a receiver echoing a large bulk does. */
    void replyPadding(int bytes) {
        this.replyPadding = bytes;
    }

    void answer(Function<String, Integer> statusForBody) {
        this.answer = statusForBody;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
