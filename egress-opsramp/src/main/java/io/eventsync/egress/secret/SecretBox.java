package io.eventsync.egress.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals route secrets (notifier passwords and api secrets, credential headers) before they are
 * written to Kafka, and opens them for delivery. AES-256-GCM with a random 96-bit nonce per value:
 * the topic, its backups and anyone reading it see {@code sealed:v1:<base64>} and nothing else, and
 * a tampered value fails to open rather than decrypting to something else.
 *
 * <p>The key comes from configuration (base64 of 32 bytes), the same on every replica.
 */
public final class SecretBox {

    private static final String PREFIX = "sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the secret key must be 32 bytes (base64 of 32 random bytes), not "
                    + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static SecretBox fromBase64(String key) {
        try {
            return new SecretBox(Base64.getDecoder().decode(key.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret key must be base64 of 32 random bytes: " + e.getMessage(), e);
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** {@code null} stays {@code null}; a sealed value is not sealed twice. */
    public String seal(String plain) {
        if (plain == null || isSealed(plain)) {
            return plain;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * @throws SecretUnreadableException when the value was sealed with another key or altered
     */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!isSealed(sealed)) {
            throw new SecretUnreadableException("the value is not sealed");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (bytes.length <= NONCE_BYTES) {
                throw new SecretUnreadableException("the sealed value is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SecretUnreadableException("the sealed value cannot be opened with this key (another key, or altered)");
        }
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM, key not shown]";
    }

    /** A secret that cannot be opened; never carries the value. */
    public static final class SecretUnreadableException extends IllegalStateException {
        public SecretUnreadableException(String message) {
            super(message);
        }
    }
}
