package io.eventsync.contracts.opr.codec;

import tools.jackson.dataformat.xml.XmlNameProcessor;
import tools.jackson.dataformat.xml.XmlNameProcessors;

/**
 * Jackson's Base64 name processor (names XML cannot carry become {@code base64_tag_...}, and come
 * back as they were), with a plain character check in front: it matched a regular expression
 * against every element name written, and an OMi event has about forty, all of them plain.
 */
final class XmlNames implements XmlNameProcessor {

    private static final long serialVersionUID = 1L;

    private final XmlNameProcessor base64 = XmlNameProcessors.newBase64Processor();

    @Override
    public void encodeName(XmlName name) {
        if (!isPlain(name.localPart)) {
            base64.encodeName(name);
        }
    }

    @Override
    public void decodeName(XmlName name) {
        base64.decodeName(name);
    }

    /** What the Base64 processor leaves as it is: an ASCII letter or {@code _}, then letters, digits, {@code _} or {@code -}. */
    static boolean isPlain(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
            boolean later = c >= '0' && c <= '9' || c == '-';
            if (!(letter || i > 0 && later)) {
                return false;
            }
        }
        return true;
    }
}
