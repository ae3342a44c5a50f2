package io.eventsync.egress.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

class Utf8CheckTest {

    private static final byte[] TEXT = "{\"name\":\"a/é€😀\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void wellFormedUtf8PassesHoweverItIsCutIntoChunks() {
        for (int chunk = 1; chunk <= TEXT.length; chunk++) {
            Utf8Check check = new Utf8Check();
            for (int from = 0; from < TEXT.length; from += chunk) {
                check.check(buffer(Arrays.copyOfRange(TEXT, from, Math.min(TEXT.length, from + chunk))));
            }
            check.end();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FF", "C3 28", "C0 AF", "E0 80 AF", "ED A0 80", "F4 90 80 80", "F8 88 80 80 80", "80"})
    void whatUtf8NeverWritesIsRefusedAtItsByteInAnyChunking(String hex) {
        byte[] bad = bytes(hex);
        byte[] body = new byte[9 + bad.length + 2];
        System.arraycopy("{\"name\":\"".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 9);
        System.arraycopy(bad, 0, body, 9, bad.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        for (int chunk = 1; chunk <= body.length; chunk++) {
            Utf8Check check = new Utf8Check();
            int size = chunk;
            assertThatThrownBy(() -> {
                for (int from = 0; from < body.length; from += size) {
                    check.check(buffer(Arrays.copyOfRange(body, from, Math.min(body.length, from + size))));
                }
                check.end();
            }).as("%s in chunks of %d", hex, chunk).isInstanceOf(MalformedUtf8Exception.class)
                    .hasMessageContaining("at byte 9");
        }
    }

    @Test
    void aBodyThatEndsInsideASequenceIsRefused() {
        Utf8Check check = new Utf8Check();
        check.check(buffer(new byte[] {'"', 'a', (byte) 0xE2, (byte) 0x82}));
        assertThatThrownBy(check::end).isInstanceOf(MalformedUtf8Exception.class).hasMessageContaining("at byte 2");
    }

    @Test
    void theChunksPassOnUnread() {
        DataBuffer buffer = buffer(TEXT);
        new Utf8Check().check(buffer);
        assertThat(buffer.readableByteCount()).isEqualTo(TEXT.length);
    }

    private static DataBuffer buffer(byte[] bytes) {
        return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
    }

    private static byte[] bytes(String hex) {
        String[] parts = hex.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }
}
