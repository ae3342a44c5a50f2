package io.eventsync.sandbox.ofsc;

import io.eventsync.contracts.ofsc.OfscEventTypes;
import io.eventsync.contracts.ofsc.OfscTime;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.eventsync.sandbox.receiver.BindAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Oracle Field Service instance's event API on loopback, for testing the OFSC poller and running the
 * sandbox: event subscriptions, {@code GET events} with page markers, {@code since} and
 * {@code lastRequested}, Basic and bearer authentication, retention and idle expiry by an injected clock,
 * an optional rate limit, and fault injection. Events come from {@link #generate}, {@link #append} or a
 * steady stream ({@link #startGenerating}); {@link #eventsFor} says what a perfect reader would have read.
 *
 * <p>Where OFSC leaves behaviour undocumented, the simulator makes one choice and keeps to it; the
 * package documentation lists them.
 */
public final class OfscSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OfscSimulator.class);
    private static final int HTTP_THREADS = 8;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final OfscSimulatorSettings settings;
    private final HttpServer server;
    private final ExecutorService http;
    private final EventLog eventLog;
    private final Subscriptions subscriptions;
    private final EventFactory factory;
    private final SteadyGenerator generator;
    private final Faults faults;
    private final RequestLog requests;
    private final JsonMapper json;
    private final Clock clock;
    private final Object appending = new Object();
    private volatile boolean closed;

    private OfscSimulator(OfscSimulatorSettings settings, HttpServer server, ExecutorService http) {
        this.settings = settings;
        this.server = server;
        this.http = http;
        this.clock = settings.clock();
        this.json = JsonMapper.builder().build();
        this.eventLog = new EventLog(settings.retention());
        this.subscriptions = new Subscriptions(settings.maxSubscriptions(), settings.subscriptionIdleExpiry(), clock);
        this.factory = new EventFactory(settings);
        this.generator = new SteadyGenerator(settings.eventsPerSecond(), clock, this::generate);
        this.faults = new Faults(settings.randomSeed());
        this.requests = new RequestLog();
        PageMarkers markers = new PageMarkers(clock.instant());
        AccessTokens tokens = new AccessTokens(clock, settings.tokenLifetime());
        ClientAuth auth = new ClientAuth(settings.instanceName(), settings.clients(), tokens);
        Router.Endpoints endpoints = new Router.Endpoints(
                new EventsEndpoint(eventLog, subscriptions, markers, json, clock, settings.retention()),
                new SubscriptionsEndpoint(eventLog, subscriptions, markers, json),
                new TokenEndpoint(auth, tokens, json),
                new StatusEndpoint(eventLog, subscriptions, markers, json, generator::running));
        server.createContext("/", new Router(endpoints, eventLog, subscriptions, auth,
                new ClientRateLimit(settings.rateLimitPerSecond(), clock), faults, requests, new ProblemJson(json),
                clock, settings.responseLatency(), "http://localhost:" + server.getAddress().getPort()));
    }

    /** Binds 127.0.0.1 on the settings' port (0: any free one) and starts answering. */
    public static OfscSimulator start(OfscSimulatorSettings settings) {
        Objects.requireNonNull(settings, "settings");
        // The JDK server writes the headers and the body of an answer in two segments; with Nagle's
        // algorithm on, the body then waits for the client's delayed ACK, about 40 ms per request.
        // The switch is a JVM-wide property read once, when the first JDK HTTP server is created, so
        // it is set only if nobody chose otherwise (and has no effect if a server was made before).
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(BindAddress.get(),
                    settings.port()), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("The OFSC simulator could not bind " + BindAddress.get().getHostAddress() + ":" + settings.port(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService http = Executors.newFixedThreadPool(HTTP_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "ofsc-sim-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(http);
        OfscSimulator simulator = new OfscSimulator(settings, server, http);
        server.start();
        log.info("OFSC simulator for instance {} listening on {}", settings.instanceName(), simulator.baseUrl());
        return simulator;
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public OfscSimulatorSettings settings() {
        return settings;
    }

    /** Appends {@code count} events of the settings' mix now; their content follows from the seed. */
    public void generate(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("The count must not be negative, not " + count);
        }
        for (int i = 0; i < count; i++) {
            // One lock over making and appending, so log order is the order events were made in and each
            // entity's revisions rise along the log.
            synchronized (appending) {
                Instant now = clock.instant();
                ObjectNode event = factory.next(now);
                appendNow(event.get("eventType").stringValue(), now, event);
            }
        }
    }

    /**
     * Appends one event exactly as given (a copy of it). {@code eventType} must be an OFSC event type;
     * {@code time} is set from the clock when absent and must otherwise be {@code YYYY-MM-DD HH:MM:SS}.
     */
    public void append(ObjectNode event) {
        Objects.requireNonNull(event, "event");
        JsonNode type = event.get("eventType");
        if (type == null || !type.isString() || !OfscEventTypes.isKnown(type.stringValue())) {
            throw new IllegalArgumentException("The event needs an OFSC eventType, not " + type);
        }
        ObjectNode copy = event.deepCopy();
        synchronized (appending) {
            Instant time;
            JsonNode given = copy.get("time");
            if (given == null || given.isNull()) {
                time = clock.instant();
                copy.put("time", OfscTime.format(time));
            } else {
                time = OfscTime.parse(given.isString() ? given.stringValue() : null).orElseThrow(() ->
                        new IllegalArgumentException("The event's time must be 'YYYY-MM-DD HH:MM:SS', not " + given));
            }
            appendNow(type.stringValue(), time, copy);
        }
    }

    private void appendNow(String type, Instant time, ObjectNode event) {
        eventLog.append(type, time, json.writeValueAsBytes(event));
        eventLog.expire(clock.instant());
    }

    /** Generates at {@link OfscSimulatorSettings#eventsPerSecond()} until stopped; calling it again does nothing. */
    public void startGenerating() {
        generator.start();
    }

    public void stopGenerating() {
        generator.stop();
    }

    /**
     * What a perfect reader of the subscription would have read: every retained event of its types
     * appended since it was created, in log order (fresh copies).
     *
     * @throws IllegalArgumentException when there is no such subscription (any more)
     */
    public List<ObjectNode> eventsFor(String subscriptionId) {
        eventLog.expire(clock.instant());
        Subscription subscription = subscriptions.find(subscriptionId).orElseThrow(() ->
                new IllegalArgumentException("There is no subscription " + subscriptionId));
        List<ObjectNode> events = new ArrayList<>();
        for (EventLog.Entry entry : eventLog.all(subscription.createdPosition(), subscription::wants)) {
            events.add((ObjectNode) json.readTree(entry.json()));
        }
        return events;
    }

    /** Events appended since start, retained or not. */
    public long appendedCount() {
        return eventLog.head();
    }

    public Faults faults() {
        return faults;
    }

    /** Requests received, oldest first (the most recent {@value RequestLog#CAPACITY} at most). */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    /** Stops the generator and the server and frees the port. Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        int port = port();
        generator.stop();
        server.stop(0);
        http.shutdownNow();
        log.info("OFSC simulator on port {} stopped", port);
    }
}
