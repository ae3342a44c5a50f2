package io.eventsync.egress.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(randomKey());

    @Test
    void aSealedSecretOpensToItselfAndShowsNothingOfIt() {
        String sealed = box.seal("hunter2-é");
        assertThat(sealed).startsWith("sealed:v1:").doesNotContain("hunter2");
        assertThat(box.open(sealed)).isEqualTo("hunter2-é");
        assertThat(box.seal("hunter2-é")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.seal(sealed)).as("not sealed twice").isEqualTo(sealed);
        assertThat(box.seal(null)).isNull();
    }

    @Test
    void anotherKeyOrAnAlteredValueDoesNotOpenAndTheErrorCarriesNoValue() {
        String sealed = box.seal("hunter2");
        assertThatThrownBy(() -> new SecretBox(randomKey()).open(sealed))
                .isInstanceOf(SecretBox.SecretUnreadableException.class).hasMessageNotContaining("hunter2");
        char[] altered = sealed.toCharArray();
        altered[altered.length - 3] = altered[altered.length - 3] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> box.open(new String(altered))).isInstanceOf(SecretBox.SecretUnreadableException.class);
        assertThatThrownBy(() -> box.open("plain")).isInstanceOf(SecretBox.SecretUnreadableException.class);
    }

    @Test
    void theKeyMustBe256Bits() {
        assertThatThrownBy(() -> SecretBox.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.fromBase64("not base64!")).hasMessageContaining("base64");
        assertThat(SecretBox.fromBase64(Base64.getEncoder().encodeToString(randomKey())).toString())
                .doesNotContain("=");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
