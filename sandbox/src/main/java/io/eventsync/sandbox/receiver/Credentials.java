package io.eventsync.sandbox.receiver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A name and its secret: a Basic user, an OAuth client or a resource owner. The secret never appears in
 * {@link #toString()}, so settings can be logged.
 *
 * @param name the user name or client id; no {@code :}, which would split a Basic header in the wrong place
 * @param secret the password or client secret
 */
public record Credentials(String name, String secret) {

    public Credentials {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A user name or client id must not be blank");
        }
        if (name.contains(":")) {
            throw new IllegalArgumentException("A user name or client id must not contain ':', not '" + name + "'");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The secret of " + name + " must not be empty");
        }
    }

    /** Compares the secret in constant time, so timing does not tell a prober how much of it was right. */
    public boolean matches(String otherName, String otherSecret) {
        return otherName != null && otherSecret != null && name.equals(otherName)
                && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                        otherSecret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return name + ":******";
    }
}
