package io.eventsync.egress.delivery;

import io.eventsync.egress.destination.EgressPolicy;
import io.eventsync.egress.route.HttpMethod;
import io.eventsync.egress.route.IntegrationEvent.Header;
import io.eventsync.egress.route.RequestFramingHeaders;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One HTTP call to a route's target, as every sender makes it: the egress policy checked against
 * the addresses the host resolves to, the notifier's credentials (a 401 drops a cached token and
 * is tried once more), the route's headers, a deadline. Whatever happens becomes a
 * {@link TargetAnswer}; nothing is thrown.
 */
public final class HttpTarget {

    static final int EXCERPT = 500;

    private final WebClient http;
    private final EgressPolicy policy;
    private final Credentials credentials;
    private final List<Header> headers;
    private final Duration timeout;

    /** @param headers the route's headers, secrets opened */
    public HttpTarget(WebClient http, EgressPolicy policy, Credentials credentials, List<Header> headers,
                      Duration timeout) {
        this.http = http;
        this.policy = policy;
        this.credentials = credentials;
        // A route stored before such headers were refused at definition still must not reframe a request.
        this.headers = headers.stream().filter(header -> !RequestFramingHeaders.contains(header.key())).toList();
        this.timeout = timeout;
    }

    /**
     * @param answered reads which items a 2xx answer took, from its body
     */
    public Mono<TargetAnswer> call(HttpMethod method, URI uri, String contentType, String body,
                                   Function<String, Set<Long>> answered) {
        return allowed(uri)
                .flatMap(refusal -> refusal.isPresent()
                        ? Mono.just(new TargetAnswer(403, Set.of(), Optional.empty(), "egress policy: " + refusal.get()))
                        : exchange(method, uri, contentType, body, answered, true));
    }

    private Mono<TargetAnswer> exchange(HttpMethod method, URI uri, String contentType, String body,
                                        Function<String, Set<Long>> answered, boolean mayRetryUnauthorized) {
        return credentials.authorization()
                .flatMap(authorization -> http.method(org.springframework.http.HttpMethod.valueOf(method.name()))
                        .uri(uri)
                        .headers(out -> {
                            headers.forEach(header -> out.set(header.key(), header.value()));
                            if (contentType != null && !out.containsHeader(HttpHeaders.CONTENT_TYPE)) {
                                out.set(HttpHeaders.CONTENT_TYPE, contentType);
                            }
                            authorization.ifPresent(value -> out.set(HttpHeaders.AUTHORIZATION, value));
                        })
                        .bodyValue(body == null ? "" : body)
                        .exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                                .map(bytes -> {
                                    String text = new String(bytes, StandardCharsets.UTF_8);
                                    int status = response.statusCode().value();
                                    Set<Long> took = status >= 200 && status < 300 ? answered.apply(text) : Set.of();
                                    return new TargetAnswer(status, took,
                                            retryAfter(response.headers().asHttpHeaders()), excerpt(text));
                                }))
                        .timeout(timeout))
                .flatMap(answer -> {
                    if (answer.status() == 401 && mayRetryUnauthorized) {
                        credentials.rejected();
                        return exchange(method, uri, contentType, body, answered, false);
                    }
                    return Mono.just(answer);
                })
                .onErrorResume(e -> Mono.just(TargetAnswer.noAnswer(describe(e))));
    }

    /**
     * Empty when every address of the host may be called. A name that does not resolve now is not
     * refused (DNS may be back on the next try, and the request fails as unanswered and is
     * retried); it is not let through either: the client's resolver ({@link
     * io.eventsync.egress.destination.PolicyResolverGroup}) judges whatever it resolves to when
     * the connection is made.
     */
    private Mono<Optional<String>> allowed(URI uri) {
        Optional<String> byName = policy.refusalOf(uri);
        if (byName.isPresent()) {
            return Mono.just(byName);
        }
        return Mono.fromCallable(() -> {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                Optional<String> refusal = policy.refusalOf(address, uri);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
            return Optional.<String>empty();
        }).subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(UnknownHostException.class, e -> Mono.just(Optional.empty()));
    }

    private static Optional<Duration> retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String excerpt(String text) {
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
