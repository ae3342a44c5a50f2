package io.eventsync.sandbox.omi;

import io.eventsync.sandbox.receiver.FaultScopes;
import io.eventsync.sandbox.receiver.Faults;
import io.eventsync.sandbox.receiver.LoopbackServer;
import io.eventsync.sandbox.receiver.RecordedRequest;
import io.eventsync.sandbox.receiver.RequestLog;
import io.eventsync.simulators.omi.ForwardingSettings;
import io.eventsync.simulators.omi.OprNode;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * OMi, on loopback, in the two roles eventsync meets it in: its Event Synchronization Web Service, which a
 * connected server calls to sync changes back ("Event Synchronization Web Service"; PROTOCOLS.md "Sync-back
 * into OMi"), and the OPR client that forwards events and changes to the gateway ("Forward events and event
 * changes from OPR client", by the simulators module's {@link io.eventsync.simulators.omi.OmiForwarder}).
 * Documents are the OMi model's element trees ({@link OprNode}), read, written and changed by its own code,
 * none of eventsync's. Only events forwarded to a connected
 * server, by {@link #forward} or {@link #remember}, may be read or changed by it. Its control API under
 * {@code /sim/} (no credentials) lets a person or a script forward events and see what OMi knows. Every
 * request is recorded; {@link #faults(String)} makes any path prefix fail, stall or drop connections.
 *
 * <p>The choices the seeds leave open are listed in the package documentation.
 */
public final class OmiSimulator implements AutoCloseable {

    /** The web service's base path; {@link #baseUrl()} is this on the simulator's port. */
    public static final String BASE_PATH = SynchronizationService.BASE;

    private static final Logger log = LoggerFactory.getLogger(OmiSimulator.class);
    /** Enough for a sync-back client's concurrent calls while some sit in delay faults. */
    private static final int HTTP_THREADS = 16;

    private final OmiSimulatorSettings settings;
    private final LoopbackServer server;
    private final FaultScopes faults;
    private final RequestLog requests = new RequestLog();
    private final ForwardedEvents events;
    private final ConnectedServers servers;
    private final Forwarder forwarder;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OmiSimulator(OmiSimulatorSettings settings, LoopbackServer server) {
        this.settings = settings;
        this.server = server;
        this.port = server.port();
        // No tokens here: nothing ever asks for the serial FaultScopes keeps for expiring them.
        this.faults = new FaultScopes(settings.randomSeed(), () -> 0L);
        faults.scope("/").latency(settings.latency());
        this.events = new ForwardedEvents();
        this.servers = new ConnectedServers(settings.connectedServers());
        this.forwarder = settings.gatewayUrl() == null ? null
                : new Forwarder(ForwardingSettings.of(settings.gatewayUrl(), settings.gatewayServer(),
                        settings.gatewayCredentials().secret()), events);
        SyncWire wire = new SyncWire();
        JsonMapper json = JsonMapper.builder().build();
        SynchronizationService service = new SynchronizationService(servers, new EventEndpoint(wire, events),
                new EventChangeEndpoint(wire, events));
        ControlApi control = new ControlApi(new ForwardCommand(wire, forwarder, json), new EventListing(events, json));
        server.serve(new SyncRouter(service, control, faults, requests, json, settings.clock()));
    }

    /** Binds 127.0.0.1 on the settings' port (0: any free one) and starts answering. */
    public static OmiSimulator start(OmiSimulatorSettings settings) {
        Objects.requireNonNull(settings, "settings");
        OmiSimulator simulator = new OmiSimulator(settings,
                LoopbackServer.bind(settings.port(), HTTP_THREADS, "omi-sim-http", "The OMi simulator"));
        log.info("OMi simulator listening on {} ({})", simulator.baseUrl(), settings);
        return simulator;
    }

    /** {@code http://127.0.0.1:<port>/opr-gateway/rest/9.10/synchronization/}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + BASE_PATH);
    }

    /** The port bound, also after {@link #close()}, for checking that it was freed. */
    public int port() {
        return port;
    }

    public OmiSimulatorSettings settings() {
        return settings;
    }

    /**
     * The faults for requests whose path starts with {@code pathPrefix} ({@link #BASE_PATH},
     * {@code BASE_PATH + "event_change_list"}, or {@code "/"} for all); the same object for the same prefix.
     * Queued failures, throttling, delays, dropped connections, random failures and latency apply here;
     * partial answers and token expiry are the receiver's and do nothing.
     */
    public Faults faults(String pathPrefix) {
        return faults.scope(pathPrefix);
    }

    /** Clears the faults of every scope, the settings' latency included. */
    public void clearFaults() {
        faults.clearAll();
    }

    /**
     * Requests to the web service and the control API, oldest first (the most recent
     * {@value RequestLog#CAPACITY} at most).
     */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    /** Requests whose path starts with {@code pathPrefix}, oldest first. */
    public List<RecordedRequest> requestsTo(String pathPrefix) {
        return requests.to(pathPrefix);
    }

    /** The event as OMi knows it now: as forwarded, with every accepted change applied. */
    public Optional<OprNode> event(String omiEventId) {
        return events.find(omiEventId).map(ForwardedEvents.Forwarded::event);
    }

    /** The external id the event got from the connected server it was forwarded to. */
    public Optional<String> externalId(String omiEventId) {
        return events.find(omiEventId).map(ForwardedEvents.Forwarded::externalId);
    }

    /**
     * Every change a connected server synced back and OMi accepted, in order, as sent ({@code event_change}
     * documents); a {@code PUT event} or an {@code event_list} item as the {@code event_change} it amounts to.
     */
    public List<OprNode> changesReceived() {
        return events.received();
    }

    /**
     * Records the event as forwarded to {@code connectedServer}, which gave it {@code externalId}, without
     * any HTTP: for testing the sync-back side alone. Forwarding it again replaces what OMi knew of it.
     */
    public void remember(OprNode event, String connectedServer, String externalId) {
        Objects.requireNonNull(event, "event");
        if (event.textOf("id").orElse("").isBlank()) {
            throw new IllegalArgumentException("The event has no id: OMi knows every event by its own id");
        }
        if (!servers.knows(connectedServer)) {
            throw new IllegalArgumentException(connectedServer + " is none of the connected servers "
                    + settings.connectedServers().keySet());
        }
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("A forwarded event has the external id its target gave it");
        }
        events.remember(event, connectedServer, externalId);
        if (forwarder != null && connectedServer.equals(settings.gatewayServer())) {
            forwarder.assume(event.without("sequence_number"), externalId);
        }
    }

    /**
     * Forwards the event to {@code <gatewayUrl>/event} as OMi does (XML, the gateway server's credentials; sent
     * again while the gateway does not take it, as OMi would), and answers the external id the gateway gave it;
     * the event is then the gateway server's to sync back.
     *
     * @throws OmiForwardingException when the gateway refuses it for good (a 4xx) or has not taken it in a minute
     */
    public String forward(OprNode event) {
        return forwarder().forward(Objects.requireNonNull(event, "event"));
    }

    /**
     * Forwards the events as one {@code event_list}, numbered 1..n by {@code sequence_number}, by OMi's bulk
     * rules, and answers their external ids in the same order.
     *
     * @throws OmiForwardingException when the gateway refuses one for good (those it took are forwarded all
     *     the same)
     */
    public List<String> forward(List<OprNode> batch) {
        return forwarder().forward(List.copyOf(batch));
    }

    /**
     * Applies the change ({@code event_change}) to OMi's own event and forwards it to
     * {@code <gatewayUrl>/event_change/<external id>}, {@code event_ref} naming the event by OMi's id and the
     * external id. Answers the change.
     *
     * @throws IllegalArgumentException when the event was never forwarded
     * @throws OmiForwardingException when the gateway refuses it for good
     */
    public OprNode forwardChange(String omiEventId, OprNode change) {
        return forwarder().forwardChange(omiEventId, Objects.requireNonNull(change, "change"));
    }

    /** Forgets the requests and changes received; the events stay, and so does what may change them. */
    public void clear() {
        requests.clear();
        events.clearReceived();
    }

    /** Stops the server and frees the port; requests in a delay are dropped. Safe to call twice. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
            if (forwarder != null) {
                forwarder.close();
            }
            log.info("OMi simulator on port {} stopped", port);
        }
    }

    private Forwarder forwarder() {
        if (forwarder == null) {
            throw new IllegalStateException(Forwarder.NO_GATEWAY);
        }
        return forwarder;
    }
}
