package io.eventsync.gateway.opr;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprCodec.Expect;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.opr.codec.OprPayloadException;
import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.http.BodyTooLargeException;
import io.eventsync.gateway.http.RequestAdmission;
import io.eventsync.gateway.http.RequestBodies;
import io.eventsync.gateway.kafka.KafkaReachability;
import io.eventsync.gateway.metrics.GatewayMetrics;
import io.eventsync.gateway.opr.ListAnswers.Refusal;
import io.eventsync.gateway.problem.ApiProblem;
import io.eventsync.gateway.problem.ProblemMapper;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The OPR Event Synchronization Web Service, target side, exactly as "Forward events and event changes
 * from OPR client" lays it out under the connected server's base URL. This class translates HTTP and
 * decides which answers a bulk gets, since OMi reads a bulk's answer by its own rules: anything about
 * the document as a whole that a single item may not share (too large, too many items, unreadable) has
 * OMi resend each item alone ({@link ListAnswers}); a shed bulk comes back as a bulk. The rules for the
 * items live in {@link EventForwarding}, {@link ChangeForwarding} and {@link EventLookup}.
 */
@RestController
@RequestMapping("${eventsync.gateway.base-path:/opr}")
class OprController {

    private static final String EVENT = "event";
    private static final String EVENT_CHANGE = "event_change";

    private final OprCodec codec;
    private final RequestBodies bodies;
    private final RequestAdmission admission;
    private final EventForwarding events;
    private final ChangeForwarding changes;
    private final EventLookup lookup;
    private final KafkaReachability kafka;
    private final GatewayMetrics metrics;
    private final Duration retryAfter;

    OprController(OprCodec codec, RequestBodies bodies, RequestAdmission admission, GatewayProperties properties,
                  EventForwarding events, ChangeForwarding changes, EventLookup lookup, KafkaReachability kafka,
                  GatewayMetrics metrics) {
        this.codec = codec;
        this.bodies = bodies;
        this.admission = admission;
        this.events = events;
        this.changes = changes;
        this.lookup = lookup;
        this.kafka = kafka;
        this.metrics = metrics;
        this.retryAfter = properties.retryAfter();
    }

    @PostMapping("/event")
    Mono<ResponseEntity<byte[]>> forwardEvents(ServerWebExchange exchange, Principal principal) {
        return receive(exchange, Expect.EVENTS, EVENT, null,
                in -> events.forward(principal.getName(), in.document(), in.format(), traceparent(exchange)));
    }

    @PostMapping("/event_change/{externalEventId}")
    Mono<ResponseEntity<byte[]>> forwardChange(@PathVariable String externalEventId, ServerWebExchange exchange,
                                               Principal principal) {
        requirePathId(externalEventId);
        return receive(exchange, Expect.EVENT_CHANGES, EVENT_CHANGE, DocumentShape.SINGLE, in -> {
            if (!(in.document() instanceof OprEventChange change)) {
                throw ApiProblem.of(HttpStatus.BAD_REQUEST, "wrong-document", "This endpoint takes another document",
                        "POST /event_change/{id} takes one event_change; send lists to /event_change/");
            }
            return changes.forwardOne(principal.getName(), externalEventId, change, in.format(), traceparent(exchange));
        });
    }

    @PostMapping({"/event_change", "/event_change/"})
    Mono<ResponseEntity<byte[]>> forwardChanges(ServerWebExchange exchange, Principal principal) {
        return receive(exchange, Expect.EVENT_CHANGES, EVENT_CHANGE, DocumentShape.LIST, in -> {
            OprEventChangeList list = in.document() instanceof OprEventChangeList l ? l
                    : new OprEventChangeList(List.of((OprEventChange) in.document()));
            return changes.forwardBulk(principal.getName(), list, in.format(), traceparent(exchange));
        });
    }

    @GetMapping("/event/{externalEventId}")
    Mono<ResponseEntity<byte[]>> getEvent(@PathVariable String externalEventId, ServerHttpRequest request,
                                          Principal principal) {
        requirePathId(externalEventId);
        OprFormat format = WireFormats.ofAnswer(request.getHeaders());
        return lookup.current(principal.getName(), externalEventId).map(found -> {
            var known = found.orElseThrow(() -> EventLookup.unknown(externalEventId));
            return answer(new OmiAnswer(known.event().withId(known.externalId()), true), format);
        });
    }

    @RequestMapping(path = {"", "/"}, method = RequestMethod.HEAD)
    Mono<ResponseEntity<Void>> ping() {
        return kafka.check().map(answer -> answer.reachable()
                ? ResponseEntity.ok().<Void>build()
                : ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, seconds(retryAfter)).<Void>build());
    }

    /** A request body as read: its format and document. */
    private record Decoded(OprFormat format, OprDocument document) {
    }

    /**
     * Reads, decodes and forwards one request, and answers it as OMi needs for its shape.
     *
     * @param shape what the endpoint takes whatever the body says, or null to tell from the body
     */
    private Mono<ResponseEntity<byte[]>> receive(ServerWebExchange exchange, Expect expect, String singleName,
                                                 DocumentShape shape, Function<Decoded, Mono<OmiAnswer>> forward) {
        ServerHttpRequest request = exchange.getRequest();
        if (RequestAdmission.isShed(exchange)) {
            return bodies.head(request).map(head -> shed(request, head, expect, singleName, shape));
        }
        return bodies.read(request)
                .onErrorMap(BodyTooLargeException.class, e -> unread(ProblemMapper.bodyTooLarge(e), e.head(), request,
                        shape, singleName))
                .flatMap(body -> {
                    OprFormat format = WireFormats.ofRequest(request.getHeaders(), body);
                    boolean list = shapeOf(shape, body, request, format, singleName) == DocumentShape.LIST;
                    return Mono.defer(() -> forward.apply(new Decoded(format, codec.read(body, format, expect))))
                            .onErrorMap(OprPayloadException.class, e -> list ? refusedList(e, body, format, expect) : e)
                            .map(answer -> answer(answer, WireFormats.ofAnswer(request.getHeaders(), format)));
                });
    }

    /**
     * A body the gateway did not read whole (too large): one item gets its 4xx, a bulk the 501 that has OMi
     * resend each item alone (smaller requests, each judged on its own).
     */
    private static ApiProblem unread(ApiProblem problem, byte[] head, ServerHttpRequest request, DocumentShape shape,
                                     String singleName) {
        OprFormat format = WireFormats.ofRequest(request.getHeaders(), head);
        return shapeOf(shape, head, request, format, singleName) == DocumentShape.LIST
                ? ListAnswers.resendEachAlone(problem) : problem;
    }

    /** Under overload, from the body's first bytes: a bulk is answered with an empty list, one item with 503. */
    private ResponseEntity<byte[]> shed(ServerHttpRequest request, byte[] head, Expect expect, String singleName,
                                        DocumentShape shape) {
        OprFormat format = WireFormats.ofRequest(request.getHeaders(), head);
        if (shapeOf(shape, head, request, format, singleName) != DocumentShape.LIST) {
            metrics.shed(singleName, "503");
            throw admission.overloaded();
        }
        metrics.shed(singleName, "empty_list");
        OprDocument none = expect == Expect.EVENTS ? new OprEventList(List.of()) : new OprEventChangeList(List.of());
        return answer(new OmiAnswer(none, false), WireFormats.ofAnswer(request.getHeaders(), format));
    }

    /**
     * A bulk the codec could not read: refused whole (400) only for what its items would share alone (another
     * document, a DOCTYPE); else OMi resends each item alone, naming every item that cannot be read.
     */
    private RuntimeException refusedList(OprPayloadException e, byte[] body, OprFormat format, Expect expect) {
        if (e.reason() == OprPayloadException.Reason.WRONG_DOCUMENT
                || e.reason() == OprPayloadException.Reason.FORBIDDEN_CONSTRUCT) {
            return e;
        }
        OprCodec.ItemScan scan = codec.scanItems(body, format, expect);
        if (scan.faults().isEmpty()) {
            return ListAnswers.resendEachAlone(ProblemMapper.fromPayload(e));
        }
        List<Refusal> refusals = scan.faults().stream()
                .map(fault -> new Refusal(fault.index(), null, ProblemMapper.fromPayload(fault.problem())))
                .toList();
        return ListAnswers.resendEachAlone(expect == Expect.EVENTS ? "events" : "changes", scan.items(), refusals);
    }

    private static DocumentShape shapeOf(DocumentShape fixed, byte[] body, ServerHttpRequest request,
                                         OprFormat format, String singleName) {
        return fixed != null ? fixed
                : DocumentShape.of(body, request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), format, singleName);
    }

    private ResponseEntity<byte[]> answer(OmiAnswer answer, OprFormat format) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(WireFormats.mediaType(format));
        if (!answer.complete()) {
            // The items left out come back in a later bulk; when, OMi decides, but it may read this.
            ok.header(HttpHeaders.RETRY_AFTER, seconds(retryAfter));
        }
        return ok.body(codec.write(answer.document(), format));
    }

    private static String seconds(Duration duration) {
        return Long.toString(Math.max(1, duration.toSeconds()));
    }

    private static void requirePathId(String id) {
        if (!OmiIds.wellFormed(id)) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-event", "Unknown event", "no event has such an id");
        }
    }

    private static String traceparent(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getFirst("traceparent");
    }
}
