package io.eventsync.contracts.opr.codec;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens XML documents with everything an attacker could use turned off: no DTD processing, no
 * external entities, bounded depth and text. A document that carries a DOCTYPE at all is
 * refused rather than silently stripped, so XXE and entity-expansion attempts get a clear 400.
 */
final class SafeXmlInput {

    private final XMLInputFactory factory;

    SafeXmlInput(OprLimits limits) {
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
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new OprPayloadException(OprPayloadException.Reason.FORBIDDEN_CONSTRUCT, "",
                            "DOCTYPE declarations are not accepted (no DTDs, no external entities)");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return new AttributeHidingReader(reader);
                }
            }
            throw new OprPayloadException(OprPayloadException.Reason.MALFORMED, "", "the document has no root element");
        } catch (XMLStreamException e) {
            throw new OprPayloadException(OprPayloadException.Reason.MALFORMED, "",
                    "malformed XML: " + firstLine(e.getMessage()), e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
