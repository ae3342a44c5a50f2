package io.eventsync.sandbox.receiver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bearer tokens both token endpoints issued: each for one principal in one realm, until it expires by the
 * injected clock or a fault scope expires it. Each token has a serial, so "every token issued so far"
 * (see {@link Faults#expireTokens()}) is a number rather than a moment a fast test could straddle.
 */
final class AccessTokens {

    private record Grant(TokenRealm realm, String principal, long serial, Instant expires) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final AtomicLong serials = new AtomicLong();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    AccessTokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String issue(TokenRealm realm, String principal) {
        Instant now = clock.instant();
        // Expired grants are kept one more lifetime, so a late client hears "expired" rather than "unknown".
        grants.values().removeIf(grant -> grant.expires().plus(lifetime).isBefore(now));
        String token = RandomTokens.next();
        grants.put(token, new Grant(realm, principal, serials.getAndIncrement(), now.plus(lifetime)));
        return token;
    }

    /** The serial the next token will get. */
    long nextSerial() {
        return serials.get();
    }

    long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    /**
     * The principal of a request's bearer token in this realm; a 401 problem when there is none, or it
     * is unknown, from the other realm, expired, or issued before {@code validFrom}.
     */
    String authenticate(String authorization, TokenRealm realm, long validFrom) {
        String token = bearerToken(authorization).orElseThrow(() -> Problem.tokenRequired(realm.realm()));
        Grant grant = grants.get(token);
        if (grant == null || grant.realm() != realm) {
            throw Problem.invalidToken(realm.realm(), "The access token is not valid here");
        }
        if (!clock.instant().isBefore(grant.expires()) || grant.serial() < validFrom) {
            throw Problem.invalidToken(realm.realm(), "The access token expired");
        }
        return grant.principal();
    }

    /** Whom a token stands for, valid or not, for the request log; empty when the simulator never issued it. */
    Optional<String> principalOf(String token) {
        return Optional.ofNullable(grants.get(token)).map(Grant::principal);
    }

    static Optional<String> bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
