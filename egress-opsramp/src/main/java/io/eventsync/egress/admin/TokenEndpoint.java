package io.eventsync.egress.admin;

import io.eventsync.egress.config.AdminProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * OpsRamp's token call ({@code POST /auth/oauth/token}, form {@code grant_type=client_credentials},
 * {@code client_id}, {@code client_secret}, as in ../shared/design/PROTOCOLS.md). Answers and
 * errors are RFC 6749's, which is what OAuth2 clients parse.
 */
@RestController
public final class TokenEndpoint {

    public static final String PATH = "/auth/oauth/token";
    static final String SCOPE = "global:manage";

    private final AdminProperties properties;
    private final JwtEncoder encoder;
    private final Clock clock;

    public TokenEndpoint(AdminProperties properties, JwtEncoder encoder, Clock clock) {
        this.properties = properties;
        this.encoder = encoder;
        this.clock = clock;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> token(ServerWebExchange exchange) {
        return exchange.getFormData().map(this::answer);
    }

    private ResponseEntity<Map<String, Object>> answer(MultiValueMap<String, String> form) {
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "only client_credentials is supported");
        }
        Optional<AdminProperties.Client> client = authenticate(form.getFirst("client_id"), form.getFirst("client_secret"));
        if (client.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "unknown client or wrong secret");
        }
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(client.get().id())
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenLifetime()))
                .claim("scope", SCOPE)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(Map.of(
                "access_token", token,
                "token_type", "bearer",
                "expires_in", properties.tokenLifetime().toSeconds(),
                "scope", SCOPE));
    }

    /** Compares every configured secret in constant time, so timing tells nothing about them. */
    private Optional<AdminProperties.Client> authenticate(String id, String secret) {
        if (id == null || secret == null) {
            return Optional.empty();
        }
        byte[] given = secret.getBytes(StandardCharsets.UTF_8);
        Optional<AdminProperties.Client> match = Optional.empty();
        for (AdminProperties.Client client : properties.clients()) {
            boolean secretMatches = MessageDigest.isEqual(given, client.secret().getBytes(StandardCharsets.UTF_8));
            if (secretMatches && client.id().equals(id)) {
                match = Optional.of(client);
            }
        }
        return match;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        return ResponseEntity.status(status).header("Cache-Control", "no-store")
                .body(Map.of("error", error, "error_description", description));
    }
}
