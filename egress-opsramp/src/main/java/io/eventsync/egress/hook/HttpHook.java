package io.eventsync.egress.hook;

import io.eventsync.egress.delivery.HttpTarget;
import io.eventsync.egress.delivery.TargetAnswer;
import io.eventsync.egress.route.HttpMethod;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The hook as an HTTP endpoint: {@code POST {"operation": "Init"|"Close", "id": ...}}, a 2xx is success. */
final class HttpHook implements Hook {

    private final HttpTarget target;
    private final URI url;
    private final JsonMapper json;

    HttpHook(HttpTarget target, URI url, JsonMapper json) {
        this.target = target;
        this.url = url;
        this.json = json;
    }

    @Override
    public Mono<TargetAnswer> call(String operation, Optional<String> id) {
        ObjectNode body = json.createObjectNode().put("operation", operation);
        id.ifPresent(value -> body.put("id", value));
        return target.call(HttpMethod.POST, url, "application/json", body.toString(), answer -> Set.of());
    }

    @Override
    public String describe() {
        return "back-sync endpoint " + url;
    }
}
