package io.eventsync.contracts.opr.codec;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens XML documents with everything an attacker could use turned off: no DTD processing, no
 * external entities, bounded depth and text. A document that carries a DOCTYPE at all is
 * refused rather than silently stripped, so XXE and entity-expansion attempts get a clear 400.
 * A document in UTF-8 must be well-formed UTF-8.
 */
final class SafeXmlInput {

    private static final Pattern LIMIT_VIOLATION = Pattern.compile("limit \\(\\d+\\) exceeded", Pattern.CASE_INSENSITIVE);

    private final XMLInputFactory factory;
    private final int maxTextLength;

    SafeXmlInput(OprLimits limits) {
        this.maxTextLength = limits.maxStringLength();
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not loaded: " + systemId);
        });
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth());
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxStringLength());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxStringLength());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
        this.factory = f;
    }

    XMLInputFactory factory() {
        return factory;
    }

    /** Opens the document and moves to its root element; a DOCTYPE on the way is refused. */
    XMLStreamReader openAtRoot(byte[] document) {
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            // Woodstox has read the declaration and knows the encoding now, and no content yet.
            requireWellFormedIfUtf8(reader, document);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new OprPayloadException(OprPayloadException.Reason.FORBIDDEN_CONSTRUCT, "",
                            "DOCTYPE declarations are not accepted (no DTDs, no external entities)");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return new AttributeHidingReader(new TextLimitingReader(reader, maxTextLength));
                }
            }
            throw new OprPayloadException(OprPayloadException.Reason.MALFORMED, "", "the document has no root element");
        } catch (XMLStreamException e) {
            if (isLimitViolation(e)) {
                throw new OprPayloadException(OprPayloadException.Reason.LIMIT_EXCEEDED, "", firstLine(e.getMessage()), e);
            }
            throw new OprPayloadException(OprPayloadException.Reason.MALFORMED, "",
                    "malformed XML: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Woodstox's own UTF-8 decoder takes overlong forms ({@code C0 AF} as {@code /}). A document in
     * another declared encoding is decoded by that encoding's rules and is not checked here.
     */
    private static void requireWellFormedIfUtf8(XMLStreamReader reader, byte[] document) {
        if (!"UTF-8".equalsIgnoreCase(reader.getEncoding())) {
            return;
        }
        int at = WellFormedUtf8.firstMalformedByte(document, 0, document.length);
        if (at >= 0) {
            throw new OprPayloadException(OprPayloadException.Reason.MALFORMED, "",
                    "malformed XML: " + WellFormedUtf8.describe(at));
        }
    }

    /**
     * Whether Woodstox stopped at one of the limits set above. It has no exception type for that;
     * every such message reads "... limit (N) exceeded" (element depth, text and attribute size,
     * attribute count).
     */
    static boolean isLimitViolation(XMLStreamException e) {
        return e.getMessage() != null && LIMIT_VIOLATION.matcher(e.getMessage()).find();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
