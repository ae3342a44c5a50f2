package io.eventsync.gateway.syncback;

import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.topic.RecordHeaderNames;
import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.http.RequestBodies;
import io.eventsync.gateway.problem.ApiProblem;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /sync-back}: third parties' changes to events OMi forwarded, answered
 * {@code 202 {"accepted": [{"external_id": ..., "change_id": ...}]}} once Kafka holds every one.
 * This class only translates HTTP; the rules live in {@link SyncBackForwarding}.
 */
@RestController
class SyncBackController {

    private final RequestBodies bodies;
    private final SyncBackForwarding forwarding;
    private final JsonMapper json;

    SyncBackController(RequestBodies bodies, SyncBackForwarding forwarding, OprCodec codec) {
        this.bodies = bodies;
        this.forwarding = forwarding;
        this.json = codec.jsonMapper();
    }

    @PostMapping(GatewayProperties.SyncBack.PATH)
    Mono<ResponseEntity<byte[]>> post(ServerHttpRequest request, Principal principal) {
        requireJson(request.getHeaders());
        String traceparent = request.getHeaders().getFirst(RecordHeaderNames.TRACEPARENT);
        return bodies.read(request)
                .flatMap(body -> forwarding.forward(principal.getName(), body, traceparent))
                .map(accepted -> ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON)
                        .body(json.writeValueAsBytes(Map.of("accepted", accepted))));
    }

    /** JSON only ({@code application/json}, any {@code +json}); without a Content-Type the body must be JSON. */
    private static void requireJson(HttpHeaders headers) {
        MediaType type;
        try {
            type = headers.getContentType();
        } catch (InvalidMediaTypeException e) {
            throw ApiProblem.unsupportedMediaType(headers.getFirst(HttpHeaders.CONTENT_TYPE), "application/json");
        }
        boolean json = type == null
                || !type.isWildcardSubtype() && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        if (!json) {
            throw ApiProblem.unsupportedMediaType(type.toString(), "application/json");
        }
    }
}
