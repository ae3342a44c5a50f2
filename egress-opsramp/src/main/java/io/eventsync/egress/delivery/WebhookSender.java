package io.eventsync.egress.delivery;

import io.eventsync.egress.entity.EntityEvent;
import io.eventsync.egress.route.HttpMethod;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * A templated webhook (seed 002's notifier, endpoint, method, headers and payload): one request per
 * event, or, where the route asks for it, one JSON array of the rendered payloads per batch. A 2xx
 * takes every item of the request.
 */
public final class WebhookSender implements TargetSender<EntityEvent> {

    private final HttpTarget target;
    private final HttpMethod method;
    private final URI uri;
    private final String contentType;
    private final int maxBatch;
    private final Envelope envelope;

    /** How the payload travels: as rendered, or in a SOAP envelope (its XML content, or escaped text). */
    public enum Envelope { NONE, SOAP_XML, SOAP_TEXT }

    /** @param maxBatch 1 for a request per event; more sends JSON arrays of up to that many payloads */
    public WebhookSender(HttpTarget target, HttpMethod method, URI uri, String contentType, int maxBatch,
                         Envelope envelope) {
        this.target = target;
        this.method = method;
        this.uri = uri;
        this.contentType = contentType;
        this.maxBatch = maxBatch;
        this.envelope = envelope;
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public Mono<TargetAnswer> send(List<Outgoing<EntityEvent>> items) {
        Set<Long> all = Outgoing.sequences(items);
        String body = maxBatch == 1 ? items.get(0).body()
                : items.stream().map(Outgoing::body).collect(Collectors.joining(",", "[", "]"));
        String type = maxBatch == 1 ? contentType : "application/json";
        if (envelope != Envelope.NONE) {
            body = SoapEnvelope.wrap(body, envelope == Envelope.SOAP_XML && maxBatch == 1);
            type = SoapEnvelope.CONTENT_TYPE;
        }
        return target.call(method, uri, type, body, answer -> all);
    }

    @Override
    public String describe() {
        return method + " " + uri;
    }
}
