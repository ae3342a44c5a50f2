package io.eventsync.sandbox.omi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.OprXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the gateway for the forwarding tests, as the forwarding document has a target answer: a single event
 * back with {@code id} set to a new external id ({@code ext-<n>}), a bulk with each event's external id and its
 * {@code sequence_number}, a change echoed. It can refuse the next request, or leave the last event out of
 * a bulk answer, and keeps what it received.
 */
final class FakeGateway implements AutoCloseable {

    /** What the gateway received: the request line, headers that matter here, and the body. */
    record Received(String method, String path, String contentType, String authorization, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private volatile int refuseNextWith;
    private volatile boolean leaveOutLast;

    private FakeGateway(HttpServer server) {
        this.server = server;
        server.createContext("/opr/", this::handle);
        server.start();
    }

    static FakeGateway start() {
        try {
            return new FakeGateway(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connected server's base URL, as OMi is configured with it. */
    URI oprUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/opr");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void refuseNextWith(int status) {
        refuseNextWith = status;
    }

    void leaveOutTheLastOfTheNextBulk() {
        leaveOutLast = true;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8)));
        int refusal = refuseNextWith;
        if (refusal != 0) {
            refuseNextWith = 0;
            answer(exchange, refusal, "application/problem+json",
                    "{\"status\": " + refusal + ", \"detail\": \"refused on purpose\"}");
            return;
        }
        OprNode answer = answerTo(OprXml.read(body));
        answer(exchange, 200, "application/xml", new String(OprXml.write(answer), StandardCharsets.UTF_8));
    }

    private OprNode answerTo(OprNode document) {
        if (document.name().equals("event")) {
            return document.with("id", newExternalId());
        }
        if (document.name().equals("event_list")) {
            List<OprNode> answered = new ArrayList<>();
            document.children("event").forEach(event -> answered.add(event.with("id", newExternalId())));
            if (leaveOutLast) {
                leaveOutLast = false;
                answered.remove(answered.size() - 1);
            }
            // Answered in reverse, so only matching by sequence_number gives each event its own id.
            Collections.reverse(answered);
            return OprNode.branch("event_list", answered);
        }
        return document;
    }

    private String newExternalId() {
        return "ext-" + nextId.incrementAndGet();
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
