package io.eventsync.egress.delivery;

import io.eventsync.egress.destination.EgressPolicy;
import io.eventsync.egress.route.GrantType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Bearer tokens from the notifier's {@code accessTokenURL} (seed 002: OAUTH2 with
 * CLIENT_CREDENTIALS, PASSWORD or REFRESH_TOKEN; {@code apiKey}/{@code apiSecret} are the client's).
 * A token is reused until shortly before it expires and dropped when the target answers 401.
 * REFRESH_TOKEN starts with the password grant and renews with the refresh token it got, falling
 * back to the password grant when the refresh is refused. Concurrent requests share one token
 * request.
 */
public final class OAuth2Credentials implements Credentials {

    /** Renew this long (at most a tenth of the lifetime) before a token expires, so it does not expire on its way. */
    static final Duration EARLY = Duration.ofSeconds(30);

    private final WebClient http;
    private final EgressPolicy policy;
    private final URI tokenUrl;
    private final GrantType grant;
    private final String clientId;
    private final String clientSecret;
    private final String userName;
    private final String password;
    private final Clock clock;
    private final Runnable onTokenRequest;
    private final AtomicReference<Token> token = new AtomicReference<>();
    private final AtomicReference<Mono<Token>> inFlight = new AtomicReference<>();

    public OAuth2Credentials(WebClient http, EgressPolicy policy, URI tokenUrl, GrantType grant, String clientId,
                             String clientSecret, String userName, String password, Clock clock,
                             Runnable onTokenRequest) {
        this.http = http;
        this.policy = policy;
        this.tokenUrl = tokenUrl;
        this.grant = grant;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.userName = userName;
        this.password = password;
        this.clock = clock;
        this.onTokenRequest = onTokenRequest;
    }

    @Override
    public Mono<Optional<String>> authorization() {
        Token current = token.get();
        if (current != null && current.usableAt(clock.instant())) {
            return Mono.just(Optional.of("Bearer " + current.access()));
        }
        return fetch(current).map(fresh -> Optional.of("Bearer " + fresh.access()));
    }

    @Override
    public void rejected() {
        Token current = token.get();
        if (current != null) {
            // Keep the refresh token: a 401 says the access token is no good, not the refresh token.
            token.compareAndSet(current, current.expired());
        }
    }

    private Mono<Token> fetch(Token previous) {
        Mono<Token> request = Mono.defer(() -> {
            boolean refresh = grant == GrantType.REFRESH_TOKEN && previous != null && previous.refresh() != null;
            Mono<Token> first = requestToken(refresh ? refreshForm(previous.refresh()) : grantForm());
            return refresh ? first.onErrorResume(TokenRefusedException.class, e -> requestToken(grantForm())) : first;
        }).doOnNext(token::set).doFinally(signal -> inFlight.set(null)).cache();
        return inFlight.updateAndGet(current -> current != null ? current : request);
    }

    private MultiValueMap<String, String> grantForm() {
        MultiValueMap<String, String> form = clientForm();
        if (grant == GrantType.CLIENT_CREDENTIALS) {
            form.add("grant_type", "client_credentials");
        } else {
            form.add("grant_type", "password");
            form.add("username", userName);
            form.add("password", password);
        }
        return form;
    }

    private MultiValueMap<String, String> refreshForm(String refreshToken) {
        MultiValueMap<String, String> form = clientForm();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return form;
    }

    private MultiValueMap<String, String> clientForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        return form;
    }

    private Mono<Token> requestToken(MultiValueMap<String, String> form) {
        return Mono.defer(() -> {
            // The token endpoint gets the notifier's secrets: it is judged as every target is.
            Optional<String> refusal = policy.refusalOf(tokenUrl);
            if (refusal.isPresent()) {
                return Mono.error(new TokenRefusedException("egress policy: " + refusal.get()));
            }
            onTokenRequest.run();
            return http.post().uri(tokenUrl).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON).body(BodyInserters.fromFormData(form))
                    .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                            ? response.bodyToMono(JsonNode.class).map(this::token)
                            : response.releaseBody().then(Mono.error(new TokenRefusedException(
                                    "the token endpoint answered " + response.statusCode().value()))));
        });
    }

    private Token token(JsonNode body) {
        String access = body.path("access_token").asString("");
        if (access.isEmpty()) {
            throw new TokenRefusedException("the token endpoint answered without access_token");
        }
        Duration lifetime = Duration.ofSeconds(Math.max(1, body.path("expires_in").asLong(300)));
        Duration early = lifetime.dividedBy(10).compareTo(EARLY) < 0 ? lifetime.dividedBy(10) : EARLY;
        String refresh = body.path("refresh_token").asString(null);
        return new Token(access, refresh, clock.instant().plus(lifetime).minus(early));
    }

    @Override
    public String toString() {
        return "OAuth2Credentials[" + grant + " at " + tokenUrl + ", secrets not shown]";
    }

    private record Token(String access, String refresh, Instant renewAt) {

        boolean usableAt(Instant now) {
            return now.isBefore(renewAt);
        }

        Token expired() {
            return new Token(access, refresh, Instant.MIN);
        }
    }

    /** No token could be had; the request fails like one without an answer and is retried. */
    public static final class TokenRefusedException extends RuntimeException {
        public TokenRefusedException(String message) {
            super(message);
        }
    }
}
