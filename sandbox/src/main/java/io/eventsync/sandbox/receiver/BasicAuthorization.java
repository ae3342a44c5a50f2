package io.eventsync.sandbox.receiver;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An {@code Authorization: Basic} header, decoded.
 *
 * @param user the part before the first colon
 * @param password the rest
 */
public record BasicAuthorization(String user, String password) {

    /** The user and password of a Basic header; empty for another scheme or a malformed value. */
    public static Optional<BasicAuthorization> parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new BasicAuthorization(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** Passes when the header holds exactly these credentials; a 401 Basic challenge for the realm otherwise. */
    static void require(String authorization, Credentials expected, String realm) {
        boolean valid = parse(authorization).map(basic -> expected.matches(basic.user(), basic.password()))
                .orElse(false);
        if (!valid) {
            throw Problem.unauthorized("Basic realm=\"" + realm + "\"", authorization == null
                    ? "Authentication is required (HTTP Basic)" : "The credentials are not valid");
        }
    }

    @Override
    public String toString() {
        return "BasicAuthorization[user=" + user + "]";
    }
}
