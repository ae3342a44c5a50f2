package io.eventsync.contracts.opr.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds where bytes stop being well-formed UTF-8 (RFC 3629): overlong forms, surrogates encoded
 * as UTF-8 (CESU-8), anything above U+10FFFF, a sequence cut short. Jackson's and Woodstox's
 * decoders take overlong forms ({@code C0 AF} reads as {@code /}), so a byte-level filter in
 * front of them could be walked past; the JDK's decoder refuses every ill-formed sequence.
 */
final class WellFormedUtf8 {

    /** Room for the decoded chars of one pass; decoding is only for the verdict, the text is dropped. */
    private static final int SCRATCH_CHARS = 1024;

    private WellFormedUtf8() {
    }

    /** The offset of the first byte of the first ill-formed sequence, or -1 when all of it is well-formed. */
    static int firstMalformedByte(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer scratch = CharBuffer.allocate(Math.max(2, Math.min(length, SCRATCH_CHARS)));
        while (true) {
            CoderResult result = decoder.decode(in, scratch, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            scratch.clear();
        }
    }

    static String describe(int at) {
        return "not well-formed UTF-8 at byte " + at
                + " (an overlong form, an encoded surrogate, a code point above U+10FFFF or a cut sequence)";
    }
}
