package io.eventsync.contracts.opr.codec;

import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Shows Jackson the elements of an OPR document but none of its attributes. OMi puts metadata in
 * attributes ({@code version="1.4"}, {@code type="urn:..."}, {@code xsi:type}) whose names
 * collide with data elements of the same name ({@code <version>}); the data model itself is all
 * elements, so the attributes carry nothing to keep.
 */
final class AttributeHidingReader extends StreamReaderDelegate {

    AttributeHidingReader(XMLStreamReader reader) {
        super(reader);
    }

    @Override
    public int getAttributeCount() {
        return 0;
    }
}
