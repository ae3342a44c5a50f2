package io.eventsync.contracts.opr.codec;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Holds every text node to {@link OprLimits#maxStringLength()}. Woodstox's own text limit is
 * checked only when a text runs past its input buffer, so a long text inside one buffer got
 * through; the reader coalesces, so each text node here is whole.
 */
final class TextLimitingReader extends StreamReaderDelegate {

    private final int maxTextLength;

    TextLimitingReader(XMLStreamReader reader, int maxTextLength) {
        super(reader);
        this.maxTextLength = maxTextLength;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE) && textLength() > maxTextLength) {
            // Worded as Woodstox words its limits, so SafeXmlInput.isLimitViolation knows it.
            throw new XMLStreamException("Text size limit (" + maxTextLength + ") exceeded", getLocation());
        }
        return event;
    }

    /** Woodstox reads a text lazily and reports what is wrong in it unchecked; Jackson expects it checked. */
    private int textLength() throws XMLStreamException {
        try {
            return getTextLength();
        } catch (RuntimeException lazy) {
            if (lazy.getCause() instanceof XMLStreamException) {
                throw (XMLStreamException) lazy.getCause();
            }
            throw lazy;
        }
    }
}
