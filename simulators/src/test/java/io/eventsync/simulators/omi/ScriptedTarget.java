package io.eventsync.simulators.omi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A connected server on loopback that answers from a script, one step per request, and records
 * every request: what the forwarder's tests hold OMi's requests and reactions to. When the script
 * runs out, it repeats its last step.
 */
final class ScriptedTarget implements AutoCloseable {

    record Request(String method, String path, String contentType, String authorization, String body) {
    }

    record Reply(int status, String contentType, String body, String retryAfter) {
        static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body, null);
        }
    }

    private final HttpServer server;
    private final Deque<Function<Request, Reply>> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private Function<Request, Reply> last = request -> Reply.of(500, "text/plain", "no script");

    ScriptedTarget() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/opr");
    }

    @SafeVarargs
    final synchronized ScriptedTarget then(Function<Request, Reply>... steps) {
        script.addAll(List.of(steps));
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Function<Request, Reply> step;
        synchronized (this) {
            requests.add(request);
            if (!script.isEmpty()) {
                last = script.poll();
            }
            step = last;
        }
        Reply reply = step.apply(request);
        if (reply == null) {
            // No answer at all: the connection is closed under the client.
            exchange.close();
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", reply.retryAfter());
        }
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    // --- steps -------------------------------------------------------------------------------------------

    /** A bulk or single event answer in XML listing every item of the request, ids {@code ext-<omi id>}. */
    static Reply acceptAll(Request request) {
        return acceptOnly(request, null);
    }

    /** As {@link #acceptAll}, but a bulk answer lists only the items at these sequence numbers. */
    static Function<Request, Reply> acceptOnly(long... sequenceNumbers) {
        List<Long> listed = new ArrayList<>();
        for (long number : sequenceNumbers) {
            listed.add(number);
        }
        return request -> acceptOnly(request, listed);
    }

    private static Reply acceptOnly(Request request, List<Long> listed) {
        boolean json = request.contentType().startsWith("application/json");
        byte[] bytes = request.body().getBytes(StandardCharsets.UTF_8);
        OprNode sent;
        if (json) {
            boolean list = request.body().contains("\"event_list\"") || request.body().contains("\"event_change_list\"")
                    || request.body().startsWith("{\"event\":[") || request.body().startsWith("{\"event_change\":[");
            String root = request.path().endsWith("/event") ? (list ? "event_list" : "event")
                    : (list ? "event_change_list" : "event_change");
            sent = OprJson.read(bytes, root, list ? root.replace("_list", "") : null);
        } else {
            sent = OprXml.read(bytes);
        }
        List<OprNode> items = new ArrayList<>();
        boolean isList = sent.name().endsWith("_list");
        for (OprNode item : isList ? sent.children() : List.of(sent)) {
            long number = Long.parseLong(item.textOf("sequence_number").orElse("0"));
            if (listed == null || listed.contains(number)) {
                OprNode answered = item.name().equals("event")
                        ? item.with("id", "ext-" + item.textOf("id").orElse("")) : item;
                items.add(answered);
            }
        }
        OprNode answer = isList ? OprNode.branch(sent.name(), items) : items.get(0);
        String itemName = isList ? sent.name().replace("_list", "") : null;
        return json ? Reply.of(200, "application/json",
                        new String(OprJson.write(answer, OprJson.Shape.BARE, itemName), StandardCharsets.UTF_8))
                : Reply.of(200, "application/xml", new String(OprXml.write(answer), StandardCharsets.UTF_8));
    }

    /** A problem+json answer with this status and problem type. */
    static Function<Request, Reply> problem(int status, String type) {
        return request -> Reply.of(status, "application/problem+json",
                "{\"type\":\"urn:test:" + type + "\",\"status\":" + status + ",\"detail\":\"scripted " + status + "\"}");
    }

    /** A 503 with {@code Retry-After: 1}. */
    static Reply unavailable(Request request) {
        return new Reply(503, "application/problem+json", "{\"type\":\"urn:test:unavailable\"}", "1");
    }

    /** No answer: the connection is dropped. */
    static Reply drop(Request request) {
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
