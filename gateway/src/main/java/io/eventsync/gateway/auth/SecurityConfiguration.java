package io.eventsync.gateway.auth;

import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.problem.ApiProblem;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * HTTP Basic per OMi connected server (seed 001: "the name of the server is the name that must be
 * used when authenticating"). Stateless: no session, no CSRF (no browser), every request
 * authenticates. Probes and metrics stay open for the platform.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String ROLE = "CONNECTED_SERVER";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, GatewayProperties properties) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"eventsync\"");
            return Mono.error(ApiProblem.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                    "send the connected server's name and password with HTTP Basic"));
        };
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(properties.basePath(), properties.basePath() + "/**").hasRole(ROLE)
                        .anyExchange().permitAll())
                .build();
    }

    /** Requests the firewall refuses (encoded slashes, NUL, CR/LF in the path) get a problem too. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return (exchange, rejected) -> Mono.error(ApiProblem.of(HttpStatus.BAD_REQUEST, "rejected-request",
                "Request rejected", "the request's URL or headers contain characters that are refused"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DigestPasswordEncoder();
    }

    @Bean
    ReactiveUserDetailsService connectedServers(GatewayProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = properties.connectedServers().stream()
                .map(server -> User.withUsername(server.name())
                        .password(encoder.encode(server.password()))
                        .roles(ROLE)
                        .build())
                .toList();
        return new MapReactiveUserDetailsService(users);
    }
}
