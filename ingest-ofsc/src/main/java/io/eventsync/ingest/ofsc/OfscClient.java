package io.eventsync.ingest.ofsc;

import io.eventsync.contracts.ofsc.OfscTime;
import io.eventsync.ingest.config.OfscProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three OFSC Core API calls ingest makes (seed 003 and its sibling subscription calls), with
 * every failure classified into an {@link OfscFailure} here and nowhere else.
 */
public final class OfscClient {

    static final String EVENTS_PATH = "/rest/ofscCore/v1/events";
    static final String SUBSCRIPTIONS_PATH = "/rest/ofscCore/v1/events/subscriptions";

    enum Operation { PAGE, SINCE, CREATE, TOKEN }

    private final WebClient http;
    private final URI instanceUrl;
    private final OfscAuthorization authorization;
    private final Duration timeout;
    private final JsonMapper json;

    OfscClient(WebClient http, URI instanceUrl, OfscAuthorization authorization, Duration timeout, JsonMapper json) {
        this.http = http;
        this.instanceUrl = instanceUrl;
        this.authorization = authorization;
        this.timeout = timeout;
        this.json = json;
    }

    public static OfscClient create(WebClient.Builder builder, OfscProperties properties, Clock clock) {
        WebClient http = builder
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) Math.min(Integer.MAX_VALUE,
                        properties.maxPageBytes().toBytes())))
                .build();
        BasicAuthorization basic = new BasicAuthorization(properties.qualifiedClientId(), properties.clientSecret());
        OfscAuthorization authorization = properties.auth() == OfscProperties.AuthMode.OAUTH2
                ? new ClientCredentialsAuthorization(http, properties.effectiveTokenUrl(), basic, clock)
                : basic;
        return new OfscClient(http, properties.instanceUrl(), authorization, properties.requestTimeout(),
                JsonMapper.builder().build());
    }

    /** "Get events" from {@code page} (a marker or {@code lastRequested}), at most {@code limit} items. */
    public Mono<EventPage> fetchPage(String subscriptionId, String page, int limit) {
        return get(Operation.PAGE, uri -> uri.path(EVENTS_PATH)
                        .queryParam("subscriptionId", "{subscriptionId}")
                        .queryParam("page", "{page}")
                        .queryParam("limit", limit)
                        .build(Map.of("subscriptionId", subscriptionId, "page", page)))
                .map(body -> toPage(page, body));
    }

    /** The marker of the first events at or after {@code since}: the seed's recovery call. */
    public Mono<String> markerSince(String subscriptionId, Instant since) {
        return get(Operation.SINCE, uri -> uri.path(EVENTS_PATH)
                        .queryParam("subscriptionId", "{subscriptionId}")
                        .queryParam("since", "{since}")
                        .build(Map.of("subscriptionId", subscriptionId, "since", OfscTime.format(since))))
                .map(body -> requireText(body, "nextPage", Operation.SINCE));
    }

    public Mono<CreatedSubscription> createSubscription(String title, List<String> eventTypes) {
        ObjectNode request = json.createObjectNode();
        request.put("subscriptionTitle", title);
        ArrayNode config = request.putArray("subscriptionConfig");
        ArrayNode events = config.addObject().putArray("events");
        eventTypes.forEach(events::add);
        byte[] body = json.writeValueAsBytes(request);
        return call(Operation.CREATE, () -> http.post()
                .uri(instanceUrl.resolve(SUBSCRIPTIONS_PATH))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body))
                .map(answer -> new CreatedSubscription(requireText(answer, "subscriptionId", Operation.CREATE),
                        requireText(answer, "nextPage", Operation.CREATE)));
    }

    private Mono<JsonNode> get(Operation operation, Function<UriBuilder, URI> uri) {
        return call(operation, () -> http.get().uri(instanceUrl.toString(), uri));
    }

    /** One call, with one fresh-token retry on 401 when the credential can be renewed. */
    private Mono<JsonNode> call(Operation operation, java.util.function.Supplier<WebClient.RequestHeadersSpec<?>> request) {
        Mono<JsonNode> once = Mono.defer(() -> authorization.header().flatMap(header -> request.get()
                .header(HttpHeaders.AUTHORIZATION, header)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> answer(response, operation))))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof OfscApiException), e -> transportFailure(e, operation));
        return once.onErrorResume(e -> e instanceof OfscApiException failure && failure.status() == 401
                        && authorization.canRefresh(),
                e -> {
                    authorization.invalidate();
                    return once;
                });
    }

    private Mono<JsonNode> answer(ClientResponse response, Operation operation) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(byte[].class).map(body -> parse(body, operation));
        }
        HttpHeaders headers = response.headers().asHttpHeaders();
        return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                .flatMap(body -> Mono.error(failureOf(status, headers, problemDetail(body), operation)));
    }

    private JsonNode parse(byte[] body, Operation operation) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new OfscApiException(OfscFailure.RETRYABLE, 200, operation + ": answer is not a JSON object",
                        null, null);
            }
            return node;
        } catch (JacksonException e) {
            throw new OfscApiException(OfscFailure.RETRYABLE, 200, operation + ": answer is not JSON", null, e);
        }
    }

    private EventPage toPage(String requestedPage, JsonNode body) {
        String nextPage = requireText(body, "nextPage", Operation.PAGE);
        JsonNode items = body.path("items");
        List<JsonNode> events = new ArrayList<>(items.size());
        items.forEach(events::add);
        return new EventPage(requestedPage, events, nextPage);
    }

    private static String requireText(JsonNode body, String field, Operation operation) {
        String value = body.path(field).asString("");
        if (value.isBlank()) {
            throw new OfscApiException(OfscFailure.RETRYABLE, 200, operation + ": answer without " + field, null, null);
        }
        return value;
    }

    /** Status codes to failures. A 400 on a page request is the seed's broken flow: the marker. */
    static OfscApiException failureOf(int status, HttpHeaders headers, String detail, Operation operation) {
        OfscFailure failure;
        if (status == 429 || status == 408 || status >= 500) {
            failure = OfscFailure.RETRYABLE;
        } else if (status == 401 || status == 403) {
            failure = OfscFailure.UNAUTHORIZED;
        } else if (status == 400 && operation == Operation.PAGE) {
            failure = OfscFailure.MARKER_REJECTED;
        } else {
            failure = OfscFailure.FATAL;
        }
        String message = operation + " answered " + status + (detail.isBlank() ? "" : ": " + detail);
        return new OfscApiException(failure, status, message, retryAfter(headers), null);
    }

    private static OfscApiException transportFailure(Throwable e, Operation operation) {
        String what = e instanceof TimeoutException ? "no answer in time"
                : e instanceof WebClientRequestException || e instanceof IOException ? "I/O error: " + e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new OfscApiException(OfscFailure.RETRYABLE, 0, operation + ": " + what, null, e);
    }

    private String problemDetail(byte[] body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject()) {
                String detail = problem.path("detail").asString("");
                return detail.isBlank() ? problem.path("title").asString("") : detail;
            }
        } catch (JacksonException e) {
            // Not OFSC's problem shape: the status says enough.
        }
        return new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    }

    /** Retry-After in seconds or as an HTTP date; anything else is ignored. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
