package io.eventsync.sandbox.receiver;

/**
 * Which token endpoint issued a token, and so where it is accepted: OpsRamp's tokens on the alerts API
 * only, the generic OAuth2 server's on {@code /hooks/bearer/} only.
 */
enum TokenRealm {
    OPSRAMP("opsramp"),
    HOOKS("hooks");

    private final String realm;

    TokenRealm(String realm) {
        this.realm = realm;
    }

    /** The realm named in a {@code WWW-Authenticate} challenge. */
    String realm() {
        return realm;
    }
}
