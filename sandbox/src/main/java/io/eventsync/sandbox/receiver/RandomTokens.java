package io.eventsync.sandbox.receiver;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable token strings: a test that guesses one would prove nothing about its client. */
final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
