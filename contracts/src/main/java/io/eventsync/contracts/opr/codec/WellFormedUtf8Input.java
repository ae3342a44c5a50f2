package io.eventsync.contracts.opr.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.io.InputDecorator;

/**
 * Refuses JSON bytes that are not well-formed UTF-8 before Jackson parses them. It sits in the
 * factory rather than in {@link OprCodec#read} so that everything reading bytes through
 * {@link OprCodec#jsonMapper()} (the sync-back request body, the Kafka serdes) is held to it too.
 * The refusal is a {@link StreamReadException}, which those readers already treat as malformed.
 * Characters ({@link Reader}) are already decoded and pass; {@code DataInput} stays unsupported.
 */
final class WellFormedUtf8Input extends InputDecorator {

    private static final long serialVersionUID = 1L;

    private final long maxDocumentLength;

    WellFormedUtf8Input(long maxDocumentLength) {
        this.maxDocumentLength = maxDocumentLength;
    }

    @Override
    public InputStream decorate(IOContext context, byte[] source, int offset, int length) throws JacksonException {
        require(source, offset, length);
        // null: Jackson goes on parsing the array it has, no copy.
        return null;
    }

    /**
     * Read whole, one byte past the document limit so that Jackson still reports the limit, then
     * checked like an array. Nothing in eventsync parses a stream through it today; one that did
     * gives up streaming, which a check of only the part read so far could not honestly offer.
     */
    @Override
    public InputStream decorate(IOContext context, InputStream in) throws JacksonException {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxDocumentLength + 1));
        } catch (IOException e) {
            throw JacksonIOException.construct(e);
        }
        require(bytes, 0, bytes.length);
        return new ByteArrayInputStream(bytes) {
            @Override
            public void close() throws IOException {
                // Jackson closes what it parses (AUTO_CLOSE_SOURCE); that must still reach the caller's stream.
                in.close();
            }
        };
    }

    @Override
    public Reader decorate(IOContext context, Reader reader) throws JacksonException {
        return reader;
    }

    private static void require(byte[] bytes, int offset, int length) {
        int at = WellFormedUtf8.firstMalformedByte(bytes, offset, length);
        if (at >= 0) {
            throw new StreamReadException(WellFormedUtf8.describe(at - offset));
        }
    }
}
