package io.eventsync.sandbox.receiver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refresh tokens of the generic OAuth2 server, rotated on use: redeeming one invalidates it and the
 * answer carries its successor, so a client that keeps using an old one is caught. They do not expire.
 */
final class RefreshTokens {

    private record Owner(String clientId, String user) {
    }

    private final Map<String, Owner> owners = new ConcurrentHashMap<>();

    String issue(String clientId, String user) {
        String token = RandomTokens.next();
        owners.put(token, new Owner(clientId, user));
        return token;
    }

    /** The user the token was issued for, using the token up; {@code invalid_grant} when it is not valid. */
    String redeem(String token, String clientId) {
        Owner owner = owners.get(token);
        if (owner == null || !owner.clientId().equals(clientId) || !owners.remove(token, owner)) {
            throw Problem.oauth(400, "invalid_grant", "The refresh token is not valid (unknown, or already used)");
        }
        return owner.user();
    }
}
