package io.eventsync.gateway.opr;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprCodec.Expect;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.http.RequestBodies;
import io.eventsync.gateway.kafka.KafkaReachability;
import io.eventsync.gateway.problem.ApiProblem;
import java.security.Principal;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The OPR Event Synchronization Web Service, target side, exactly as seed 000 lays it out under
 * the connected server's base URL. This class only translates HTTP; the rules live in
 * {@link EventForwarding}, {@link ChangeForwarding} and {@link EventLookup}.
 */
@RestController
@RequestMapping("${eventsync.gateway.base-path:/opr}")
class OprController {

    private final OprCodec codec;
    private final RequestBodies bodies;
    private final EventForwarding events;
    private final ChangeForwarding changes;
    private final EventLookup lookup;
    private final KafkaReachability kafka;
    private final Duration retryAfter;

    OprController(OprCodec codec, RequestBodies bodies, GatewayProperties properties, EventForwarding events,
                  ChangeForwarding changes, EventLookup lookup, KafkaReachability kafka) {
        this.codec = codec;
        this.bodies = bodies;
        this.events = events;
        this.changes = changes;
        this.lookup = lookup;
        this.kafka = kafka;
        this.retryAfter = properties.retryAfter();
    }

    @PostMapping("/event")
    Mono<ResponseEntity<byte[]>> forwardEvents(ServerHttpRequest request, Principal principal) {
        return decode(request, Expect.EVENTS).flatMap(in ->
                events.forward(principal.getName(), in.document(), in.format(), traceparent(request))
                        .map(answer -> answer(answer, WireFormats.ofAnswer(request.getHeaders(), in.format()))));
    }

    @PostMapping("/event_change/{externalEventId}")
    Mono<ResponseEntity<byte[]>> forwardChange(@PathVariable String externalEventId, ServerHttpRequest request,
                                               Principal principal) {
        requirePathId(externalEventId);
        return decode(request, Expect.EVENT_CHANGES).flatMap(in -> {
            if (!(in.document() instanceof OprEventChange change)) {
                throw ApiProblem.of(org.springframework.http.HttpStatus.BAD_REQUEST, "wrong-document",
                        "This endpoint takes another document",
                        "POST /event_change/{id} takes one event_change; send lists to /event_change/");
            }
            return changes.forwardOne(principal.getName(), externalEventId, change, in.format(), traceparent(request))
                    .map(answer -> answer(answer, WireFormats.ofAnswer(request.getHeaders(), in.format())));
        });
    }

    @PostMapping({"/event_change", "/event_change/"})
    Mono<ResponseEntity<byte[]>> forwardChanges(ServerHttpRequest request, Principal principal) {
        return decode(request, Expect.EVENT_CHANGES).flatMap(in -> {
            OprEventChangeList list = in.document() instanceof OprEventChangeList l ? l
                    : new OprEventChangeList(java.util.List.of((OprEventChange) in.document()));
            return changes.forwardBulk(principal.getName(), list, in.format(), traceparent(request))
                    .map(answer -> answer(answer, WireFormats.ofAnswer(request.getHeaders(), in.format())));
        });
    }

    @GetMapping("/event/{externalEventId}")
    Mono<ResponseEntity<byte[]>> getEvent(@PathVariable String externalEventId, ServerHttpRequest request,
                                          Principal principal) {
        requirePathId(externalEventId);
        OprFormat format = WireFormats.ofAnswer(request.getHeaders());
        return lookup.current(principal.getName(), externalEventId).map(found -> {
            var known = found.orElseThrow(() -> EventLookup.unknown(externalEventId));
            return answer(known.event().withId(known.externalId()), format);
        });
    }

    @RequestMapping(path = {"", "/"}, method = RequestMethod.HEAD)
    Mono<ResponseEntity<Void>> ping() {
        return kafka.check().map(answer -> answer.reachable()
                ? ResponseEntity.ok().<Void>build()
                : ResponseEntity.status(503)
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                        .<Void>build());
    }

    /** A request body as read: its format and document. */
    private record Decoded(OprFormat format, OprDocument document) {
    }

    private Mono<Decoded> decode(ServerHttpRequest request, Expect expect) {
        return bodies.read(request).map(body -> {
            OprFormat format = WireFormats.ofRequest(request.getHeaders(), body);
            return new Decoded(format, codec.read(body, format, expect));
        });
    }

    private ResponseEntity<byte[]> answer(OprDocument document, OprFormat format) {
        return ResponseEntity.ok().contentType(WireFormats.mediaType(format)).body(codec.write(document, format));
    }

    private static void requirePathId(String id) {
        if (!OmiIds.wellFormed(id)) {
            throw ApiProblem.of(org.springframework.http.HttpStatus.NOT_FOUND, "unknown-event", "Unknown event",
                    "no event has such an id");
        }
    }

    private static String traceparent(ServerHttpRequest request) {
        return request.getHeaders().getFirst("traceparent");
    }
}
