package io.eventsync.sandbox.receiver;

import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.gateway.readmodel.EventChangeApplier;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The third parties egress delivers to, on loopback, for testing it: an OPR-compliant event
 * synchronization target (seed 000) under {@code /opr}, OpsRamp's token endpoint and alerts API, webhook
 * targets without authentication, with Basic and with bearer tokens from a generic OAuth2 token endpoint
 * (seed 002's notifier auth types), and a status page. Every request is recorded; {@link #faults(String)}
 * makes any path prefix fail, throttle, stall, drop connections or answer bulks partially.
 *
 * <p>Where the seeds leave behaviour open, the simulator makes one choice and keeps to it; the package
 * documentation lists them.
 */
public final class ReceiverSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiverSimulator.class);
    /** Enough for many concurrent deliveries while some sit in delay faults. */
    private static final int HTTP_THREADS = 64;

    private final ReceiverSimulatorSettings settings;
    private final LoopbackServer server;
    private final FaultScopes faults;
    private final RequestLog requests = new RequestLog();
    private final OprEvents oprEvents;
    private final ReceivedAlerts alerts = new ReceivedAlerts();
    private final TokenCounts tokenCounts = new TokenCounts();
    private volatile boolean closed;

    private ReceiverSimulator(ReceiverSimulatorSettings settings, LoopbackServer server) {
        this.settings = settings;
        this.server = server;
        OprCodec codec = OprCodec.withDefaults();
        JsonMapper json = JsonMapper.builder().build();
        AccessTokens accessTokens = new AccessTokens(settings.clock(), settings.tokenLifetime());
        this.faults = new FaultScopes(settings.randomSeed(), accessTokens::nextSerial);
        this.oprEvents = new OprEvents(new EventChangeApplier(codec.jsonMapper()));
        OprWire wire = new OprWire(codec);
        Router.Endpoints endpoints = new Router.Endpoints(
                new OprTarget(settings.oprBasic(), new OprEventsEndpoint(wire, oprEvents, faults),
                        new OprChangesEndpoint(wire, oprEvents, faults)),
                new OpsRampTokenEndpoint(settings.opsRampClient(), accessTokens, tokenCounts, json),
                new OpsRampAlertsEndpoint(accessTokens, faults, alerts, json),
                new OAuthTokenEndpoint(settings.oauthClient(), settings.oauthUser(), accessTokens, new RefreshTokens(),
                        tokenCounts, json),
                new WebhookEndpoint(settings.webhookBasic(), accessTokens, faults, json),
                new StatusEndpoint(requests, oprEvents, alerts, tokenCounts, faults, json));
        server.serve(new Router(endpoints, faults, new Throttling(settings.clock(), json), requests,
                new CredentialRedaction(accessTokens), json, settings.clock()));
    }

    /** Binds 127.0.0.1 on the settings' port (0: any free one) and starts answering. */
    public static ReceiverSimulator start(ReceiverSimulatorSettings settings) {
        Objects.requireNonNull(settings, "settings");
        ReceiverSimulator simulator = new ReceiverSimulator(settings,
                LoopbackServer.bind(settings.port(), HTTP_THREADS, "receiver-sim-http", "The receiver simulator"));
        log.info("Receiver simulator listening on {} ({})", simulator.baseUrl(), settings);
        return simulator;
    }

    /** {@code http://localhost:<port>}. */
    public URI baseUrl() {
        return URI.create("http://localhost:" + port());
    }

    /** The base URL of the OPR target, as a connected server in OMi would be configured: {@code .../opr}. */
    public URI oprBaseUrl() {
        return URI.create(baseUrl() + OprTarget.BASE);
    }

    public int port() {
        return server.port();
    }

    public ReceiverSimulatorSettings settings() {
        return settings;
    }

    /**
     * The faults for requests whose path starts with {@code pathPrefix} ({@code "/opr"}, {@code "/api/"},
     * {@code "/hooks/"}, {@code "/oauth/token"}, or {@code "/"} for all); the same object for the same
     * prefix. The status page ({@code /sim/}) never meets a fault.
     */
    public Faults faults(String pathPrefix) {
        return faults.scope(pathPrefix);
    }

    /** Clears the faults of every scope. */
    public void clearFaults() {
        faults.clearAll();
    }

    /** Requests received, oldest first (the most recent {@value RequestLog#CAPACITY} at most). */
    public List<RecordedRequest> requests() {
        return requests.snapshot();
    }

    /** Requests whose path starts with {@code pathPrefix}, oldest first. */
    public List<RecordedRequest> requestsTo(String pathPrefix) {
        return requests.to(pathPrefix);
    }

    /** Every OPR event accepted, single or in a bulk, as it was sent (OMi's id, its sequence number), in order. */
    public List<OprEvent> eventsReceived() {
        return oprEvents.received();
    }

    /** Every OPR event change accepted, as it was sent, in order. */
    public List<OprEventChange> changesReceived() {
        return oprEvents.changes();
    }

    /** The OPR event with this external id as the target knows it now (changes applied), as GET answers it. */
    public Optional<OprEvent> event(String externalId) {
        return oprEvents.find(externalId);
    }

    /** Every alert the OpsRamp API accepted, in order. */
    public List<OpsRampAlert> alertsReceived() {
        return alerts.snapshot();
    }

    /** Access tokens {@code POST /oauth/token} issued for this grant. */
    public long tokensIssued(OAuthGrant grant) {
        return tokenCounts.of(TokenRealm.HOOKS, grant);
    }

    /** Access tokens OpsRamp's {@code POST /auth/oauth/token} issued. */
    public long opsRampTokensIssued() {
        return tokenCounts.of(TokenRealm.OPSRAMP, OAuthGrant.CLIENT_CREDENTIALS);
    }

    /**
     * Forgets what was recorded: requests, events, changes and alerts received, token counts. Stored OPR
     * events (and so changes to them), issued tokens and faults stay.
     */
    public void clear() {
        requests.clear();
        oprEvents.clearReceived();
        alerts.clear();
        tokenCounts.clear();
    }

    /** Stops the server and frees the port; requests in a delay are dropped. Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        int port = port();
        server.close();
        log.info("Receiver simulator on port {} stopped", port);
    }
}
