package io.eventsync.sandbox.ofsc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Bearer tokens the token endpoint issued, each for one client until it expires by the injected clock. */
final class AccessTokens {

    private record Grant(String clientId, Instant expires) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    AccessTokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String issue(String clientId) {
        Instant now = clock.instant();
        // Expired grants are kept one more lifetime, so a late client hears "expired" rather than "unknown".
        grants.values().removeIf(grant -> grant.expires().plus(lifetime).isBefore(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, new Grant(clientId, now.plus(lifetime)));
        return token;
    }

    long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    /** The client a token stands for; a 401 problem when it is unknown or expired. */
    String clientOf(String token) {
        Grant grant = grants.get(token);
        if (grant == null) {
            throw ApiProblem.unauthorized("The access token is not valid");
        }
        if (!clock.instant().isBefore(grant.expires())) {
            throw ApiProblem.unauthorized("The access token has expired; request a new one");
        }
        return grant.clientId();
    }
}
