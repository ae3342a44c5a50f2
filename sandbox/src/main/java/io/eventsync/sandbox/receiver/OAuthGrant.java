package io.eventsync.sandbox.receiver;

import java.util.Optional;

/** The OAuth2 grants seed 002 names for a notifier ({@code grantType}), with their RFC 6749 wire names. */
public enum OAuthGrant {
    CLIENT_CREDENTIALS("client_credentials"),
    PASSWORD("password"),
    REFRESH_TOKEN("refresh_token");

    private final String wireName;

    OAuthGrant(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code grant_type} value. */
    public String wireName() {
        return wireName;
    }

    static Optional<OAuthGrant> of(String grantType) {
        for (OAuthGrant grant : values()) {
            if (grant.wireName.equals(grantType)) {
                return Optional.of(grant);
            }
        }
        return Optional.empty();
    }
}
