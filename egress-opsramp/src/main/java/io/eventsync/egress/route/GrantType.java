package io.eventsync.egress.route;

/**
 * The OAuth2 grant for {@link AuthType#OAUTH2} (seed 002). {@code PASSWORD} asks for a token with the
 * user's name and password each time one is needed; {@code REFRESH_TOKEN} does so once and then
 * renews with the refresh token the endpoint returned.
 */
public enum GrantType {
    CLIENT_CREDENTIALS, PASSWORD, REFRESH_TOKEN;

    public boolean needsUser() {
        return this != CLIENT_CREDENTIALS;
    }
}
