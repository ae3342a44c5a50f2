package io.eventsync.egress.delivery;

import io.eventsync.egress.destination.EgressPolicy;
import io.eventsync.egress.entity.EntityEvent;
import io.eventsync.egress.destination.TargetUris;
import io.eventsync.egress.route.AuthType;
import io.eventsync.egress.route.CompiledRoute;
import io.eventsync.egress.route.IntegrationEvent;
import io.eventsync.egress.route.NotifierType;
import io.eventsync.egress.template.PayloadFormat;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Builds the sender a compiled route delivers through, with its notifier's credentials. */
public final class Senders {

    private final WebClient http;
    private final EgressPolicy policy;
    private final Duration timeout;
    private final Clock clock;
    private final Runnable onTokenRequest;
    private final JsonMapper json;

    public Senders(WebClient http, EgressPolicy policy, Duration timeout, Clock clock, Runnable onTokenRequest,
                   JsonMapper json) {
        this.json = json;
        this.http = http;
        this.policy = policy;
        this.timeout = timeout;
        this.clock = clock;
        this.onTokenRequest = onTokenRequest;
    }

    /** @param route compiled from a definition whose secrets are opened; it must {@link CompiledRoute#delivers()} */
    public TargetSender<EntityEvent> senderFor(CompiledRoute route) {
        IntegrationEvent definition = route.definition();
        String contentType = definition.headers().stream().filter(Senders::isContentType)
                .map(IntegrationEvent.Header::value).findFirst()
                .orElse(route.template().isPresent() ? null : "application/json");
        WebhookSender.Envelope envelope = envelope(route);
        // A SOAP envelope is text/xml whatever the payload inside it is; the route's Content-Type
        // still says how values are escaped into that payload.
        List<IntegrationEvent.Header> headers = envelope == WebhookSender.Envelope.NONE ? definition.headers()
                : definition.headers().stream().filter(header -> !isContentType(header)).toList();
        HttpTarget target = new HttpTarget(http, policy, credentials(route.notifier()), headers, timeout);
        URI uri = route.target().orElseThrow();
        return switch (definition.delivery().kind()) {
            case OPR -> new OprReceiverSender(target, uri, definition.delivery().batchSize(), json);
            case OPSRAMP_ALERTS -> new OpsRampAlertsSender(target, uri, definition.delivery().batchSize(),
                    route.template().isPresent(), json);
            case WEBHOOK -> new WebhookSender(target, definition.thirdPartyEventType(), uri, contentType,
                    definition.delivery().batchSize(), envelope);
        };
    }

    private static boolean isContentType(IntegrationEvent.Header header) {
        return header.key().equalsIgnoreCase("Content-Type");
    }

    private static WebhookSender.Envelope envelope(CompiledRoute route) {
        if (route.notifier() == null || route.notifier().type() != NotifierType.SOAP_API) {
            return WebhookSender.Envelope.NONE;
        }
        boolean xml = route.template().map(t -> t.format() == PayloadFormat.XML).orElse(false);
        return xml ? WebhookSender.Envelope.SOAP_XML : WebhookSender.Envelope.SOAP_TEXT;
    }

    private Credentials credentials(IntegrationEvent.Notifier notifier) {
        AuthType auth = notifier.authType() == null ? AuthType.NONE : notifier.authType();
        return switch (auth) {
            case NONE -> Credentials.NONE;
            case BASIC -> new BasicCredentials(notifier.userName(), notifier.password());
            case OAUTH2 -> new OAuth2Credentials(http, policy,
                    TargetUris.parse(notifier.accessTokenURL()).orElseThrow(), notifier.grantType(), notifier.apiKey(),
                    notifier.apiSecret(), notifier.userName(), notifier.password(), clock, onTokenRequest);
        };
    }
}
