package io.eventsync.egress.admin;

import org.springframework.http.HttpStatusCode;

/**
 * A request without a good bearer token. The status and {@code WWW-Authenticate} are RFC 6750's,
 * as Spring Security's bearer entry point sets them; the body is a problem like every other error.
 */
final class AuthenticationRequiredException extends RuntimeException {

    private final transient HttpStatusCode status;

    AuthenticationRequiredException(HttpStatusCode status) {
        // Not the token's error description: it is in WWW-Authenticate, and the body need not repeat it.
        super("send a bearer token from POST " + TokenEndpoint.PATH + " as Authorization: Bearer <token>");
        this.status = status;
    }

    HttpStatusCode status() {
        return status;
    }
}
