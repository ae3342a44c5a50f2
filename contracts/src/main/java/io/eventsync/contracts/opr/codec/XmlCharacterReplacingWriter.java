package io.eventsync.contracts.opr.codec;

import java.nio.CharBuffer;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;
import org.codehaus.stax2.util.StreamWriter2Delegate;

/**
 * Replaces every character XML 1.0 cannot carry with U+FFFD in text and attribute values: the
 * C0 controls but tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates
 * (why here and not in Woodstox: {@link SafeXmlOutput}). Text without them is passed on as it
 * is, without a copy. Each call is taken as whole: Jackson writes a value in one call, so a
 * surrogate pair is never split across two.
 */
final class XmlCharacterReplacingWriter extends StreamWriter2Delegate {

    XmlCharacterReplacingWriter(XMLStreamWriter2 writer) {
        super(writer);
        // stax2-api 4.2's constructor sets only the XMLStreamWriter delegate; the Stax2 methods need this.
        setParent(writer);
    }

    @Override
    public void writeCharacters(String text) throws XMLStreamException {
        super.writeCharacters(replaced(text));
    }

    @Override
    public void writeCharacters(char[] text, int start, int length) throws XMLStreamException {
        if (firstToReplace(CharBuffer.wrap(text, start, length)) < 0) {
            super.writeCharacters(text, start, length);
        } else {
            super.writeCharacters(replaced(new String(text, start, length)));
        }
    }

    @Override
    public void writeCData(String text) throws XMLStreamException {
        super.writeCData(replaced(text));
    }

    @Override
    public void writeCData(char[] text, int start, int length) throws XMLStreamException {
        if (firstToReplace(CharBuffer.wrap(text, start, length)) < 0) {
            super.writeCData(text, start, length);
        } else {
            super.writeCData(replaced(new String(text, start, length)));
        }
    }

    @Override
    public void writeAttribute(String localName, String value) throws XMLStreamException {
        super.writeAttribute(localName, replaced(value));
    }

    @Override
    public void writeAttribute(String namespaceUri, String localName, String value) throws XMLStreamException {
        super.writeAttribute(namespaceUri, localName, replaced(value));
    }

    @Override
    public void writeAttribute(String prefix, String namespaceUri, String localName, String value)
            throws XMLStreamException {
        super.writeAttribute(prefix, namespaceUri, localName, replaced(value));
    }

    private static String replaced(String text) {
        if (text == null) {
            return null;
        }
        int first = firstToReplace(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (pairStartsAt(text, i)) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(notCarried(c) ? SafeXmlOutput.REPLACEMENT : c);
            }
        }
        return out.toString();
    }

    private static int firstToReplace(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (pairStartsAt(text, i)) {
                i++;
            } else if (notCarried(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean pairStartsAt(CharSequence text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    /** Outside XML 1.0's Char production; a surrogate is asked about only when it is not part of a pair. */
    private static boolean notCarried(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r'
                : c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c);
    }
}
