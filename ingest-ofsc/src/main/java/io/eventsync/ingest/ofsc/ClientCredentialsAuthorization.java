package io.eventsync.ingest.ofsc;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth2 client credentials against OFSC's token service. One token is shared by every subscription
 * and renewed a minute before it expires, so pollers do not ask for a token per request.
 */
final class ClientCredentialsAuthorization implements OfscAuthorization {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final WebClient http;
    private final URI tokenUrl;
    private final BasicAuthorization client;
    private final Clock clock;
    private final AtomicReference<Token> token = new AtomicReference<>();
    private final Mono<Token> fetch;
    private final JsonMapper json = JsonMapper.builder().build();

    ClientCredentialsAuthorization(WebClient http, URI tokenUrl, BasicAuthorization client, Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.client = client;
        this.clock = clock;
        // Concurrent callers during a renewal share one token request.
        this.fetch = Mono.defer(this::requestToken).doOnNext(token::set).cache(t -> Duration.ZERO,
                e -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<String> header() {
        Token current = token.get();
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return Mono.just("Bearer " + current.value());
        }
        return fetch.map(t -> "Bearer " + t.value());
    }

    @Override
    public void invalidate() {
        token.set(null);
    }

    @Override
    public boolean canRefresh() {
        return true;
    }

    private Mono<Token> requestToken() {
        return client.header().flatMap(basic -> http.post().uri(tokenUrl)
                .header(HttpHeaders.AUTHORIZATION, basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(byte[].class).map(json::readTree);
                    }
                    return response.releaseBody().then(Mono.error(OfscClient.failureOf(
                            response.statusCode().value(), response.headers().asHttpHeaders(),
                            "token request refused", OfscClient.Operation.TOKEN)));
                })
                .map(body -> {
                    String value = body.path("access_token").asString("");
                    if (value.isBlank()) {
                        throw new OfscApiException(OfscFailure.RETRYABLE, 200,
                                "token answer without access_token", null, null);
                    }
                    long expiresIn = body.path("expires_in").asLong(3600);
                    Instant renewAt = clock.instant().plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
                    return new Token(value, renewAt);
                }));
    }

    @Override
    public String toString() {
        return "ClientCredentialsAuthorization[" + tokenUrl + "]";
    }

    private record Token(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "Token[******, renewAt=" + renewAt + "]";
        }
    }
}
