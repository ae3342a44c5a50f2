package io.eventsync.egress.admin;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;

/**
 * Checks one body, chunk by chunk as it arrives, for well-formed UTF-8 with the JDK's strict
 * decoder: an overlong form ({@code C0 AF} for {@code /}), an encoded surrogate ({@code ED A0 80}),
 * a code point past U+10FFFF ({@code F4 90 80 80}) or a sequence cut short is an error. Jackson
 * reads some of these as characters, so what the API checked could differ from what a later
 * reader sees. Nothing is decoded for keeps: the chunks pass on unchanged.
 */
final class Utf8Check {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer scratch = CharBuffer.allocate(1024);
    /** The start of a sequence a chunk ended in the middle of (at most 3 bytes, then the byte completing it). */
    private final ByteBuffer carried = ByteBuffer.allocate(4);
    /** Where in the body the first byte not yet checked is. */
    private long offset;

    /** @throws MalformedUtf8Exception at the first byte that is not UTF-8 */
    void check(DataBuffer chunk) {
        try (DataBuffer.ByteBufferIterator buffers = chunk.readableByteBuffers()) {
            while (buffers.hasNext()) {
                check(buffers.next());
            }
        }
    }

    /** @throws MalformedUtf8Exception when the body ended inside a sequence */
    void end() {
        carried.flip();
        decode(carried, true);
        scratch.clear();
        decoder.flush(scratch);
    }

    private void check(ByteBuffer bytes) {
        while (carried.position() > 0 && bytes.hasRemaining()) {
            carried.put(bytes.get());
            carried.flip();
            decode(carried, false);
            carried.compact();
        }
        if (carried.position() == 0) {
            decode(bytes, false);
            carried.put(bytes);
        }
    }

    /** Decodes what {@code in} holds from its position (which is {@link #offset} in the body), advancing both. */
    private void decode(ByteBuffer in, boolean endOfInput) {
        int start = in.position();
        CoderResult result;
        do {
            scratch.clear();
            result = decoder.decode(in, scratch, endOfInput);
            if (result.isError()) {
                throw new MalformedUtf8Exception(offset + in.position() - start);
            }
        } while (result.isOverflow());
        offset += in.position() - start;
    }
}
