package io.eventsync.gateway.auth;

import io.eventsync.gateway.config.GatewayProperties;
import io.eventsync.gateway.config.GatewayProperties.Credential;
import io.eventsync.gateway.problem.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * HTTP Basic per OMi connected server (seed 001: "the name of the server is the name that must be
 * used when authenticating") and per sync-back client. Each population has its own role and only
 * its own endpoints: valid credentials on the other's endpoints are a 403. Stateless: no session,
 * no CSRF (no browser), every request authenticates. Probes and metrics stay open for the platform.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String CONNECTED_SERVER = "CONNECTED_SERVER";
    static final String SYNC_BACK_CLIENT = "SYNC_BACK_CLIENT";
    private static final String SYNC_BACK_PATH = GatewayProperties.SyncBack.PATH;

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, GatewayProperties properties) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"eventsync\"");
            String who = exchange.getRequest().getPath().value().startsWith(SYNC_BACK_PATH)
                    ? "sync-back client" : "connected server";
            return Mono.error(ApiProblem.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                    "send the " + who + "'s name and password with HTTP Basic"));
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) -> Mono.error(ApiProblem.of(HttpStatus.FORBIDDEN,
                "forbidden", "Not allowed here", "these credentials are not for this endpoint"));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(properties.basePath(), properties.basePath() + "/**").hasRole(CONNECTED_SERVER)
                        .pathMatchers(SYNC_BACK_PATH, SYNC_BACK_PATH + "/**").hasRole(SYNC_BACK_CLIENT)
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

    /**
     * Spring checks passwords on boundedElastic, for slow hashes; a SHA-256 digest is not one, and the
     * hop cost every single-event post two thread switches (docs/benchmarks.md). Checked in place.
     */
    @Bean
    ReactiveAuthenticationManager authenticationManager(ReactiveUserDetailsService users, PasswordEncoder encoder) {
        UserDetailsRepositoryReactiveAuthenticationManager manager =
                new UserDetailsRepositoryReactiveAuthenticationManager(users);
        manager.setPasswordEncoder(encoder);
        manager.setScheduler(Schedulers.immediate());
        return manager;
    }

    /** Connected servers and sync-back clients; names are distinct across both (GatewayProperties). */
    @Bean
    ReactiveUserDetailsService users(GatewayProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        properties.connectedServers().forEach(server -> users.add(user(server, CONNECTED_SERVER, encoder)));
        properties.syncBack().clients().forEach(client -> users.add(user(client, SYNC_BACK_CLIENT, encoder)));
        return new MapReactiveUserDetailsService(users);
    }

    private static UserDetails user(Credential credential, String role, PasswordEncoder encoder) {
        return User.withUsername(credential.name())
                .password(encoder.encode(credential.password()))
                .roles(role)
                .build();
    }
}
