package io.eventsync.egress.admin;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.eventsync.egress.config.AdminProperties;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The admin API takes bearer tokens from {@link TokenEndpoint}, as OpsRamp's does. Tokens are JWTs
 * signed with a key every replica shares (HS256), so any replica accepts a token any replica issued
 * and none keeps token state. Health and metrics are open, as for the other services.
 *
 * <p>Tokens are global: every one carries scope {@code global:manage} for every tenant, and only
 * its signature and expiry are checked; the path keeps tenants apart (README, "Admin API").
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    @Bean
    SecurityWebFilterChain adminFilterChain(ServerHttpSecurity http) {
        ServerAuthenticationEntryPoint unauthenticated =
                problemAnswering(new BearerTokenServerAuthenticationEntryPoint());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, TokenEndpoint.PATH).permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .anyExchange().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated))
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthenticated))
                .build();
    }

    /**
     * What the firewall refuses (an encoded slash, NUL, CR/LF, a traversal in the path) goes to
     * {@link AdminProblemHandler} as every error does, instead of an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return (exchange, rejected) -> Mono.error(rejected);
    }

    /**
     * RFC 6750's status and {@code WWW-Authenticate}, as Spring Security's bearer entry point
     * sets them, with a problem as the body: the entry point's own answer is empty.
     */
    private static ServerAuthenticationEntryPoint problemAnswering(ServerAuthenticationEntryPoint bearer) {
        return (exchange, e) -> {
            ServerHttpResponse response = exchange.getResponse();
            ServerWebExchange headersOnly = exchange.mutate().response(new ServerHttpResponseDecorator(response) {
                @Override
                public Mono<Void> setComplete() {
                    return Mono.empty();
                }
            }).build();
            return bearer.commence(headersOnly, e).then(Mono.defer(() -> Mono.error(
                    new AuthenticationRequiredException(response.getStatusCode() == null ? HttpStatus.UNAUTHORIZED
                            : response.getStatusCode()))));
        };
    }

    @Bean
    ReactiveJwtDecoder adminTokenDecoder(AdminProperties properties) {
        return NimbusReactiveJwtDecoder.withSecretKey(key(properties)).macAlgorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    JwtEncoder adminTokenEncoder(AdminProperties properties) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key(properties)));
    }

    private static SecretKey key(AdminProperties properties) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(properties.tokenKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("eventsync.egress.admin.token-key must be base64", e);
        }
        if (bytes.length < 32) {
            throw new IllegalArgumentException("eventsync.egress.admin.token-key must be at least 32 bytes (base64)");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
