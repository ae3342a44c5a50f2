package io.eventsync.gateway.opr;

import io.eventsync.contracts.opr.codec.OprFormat;
import java.nio.charset.StandardCharsets;

/**
 * Whether a request carries one document or a list, told from its first bytes alone: the answer OMi
 * needs depends on it even when the body is too large to read, does not parse, or is shed under
 * overload. XML: the root element's local name, after any declaration, comment or DOCTYPE. JSON: a
 * top-level array, an object whose first member is the list's name, or the item name holding an
 * array. Anything else, or a head too short to tell, counts as one document.
 */
enum DocumentShape {
    SINGLE, LIST;

    /**
     * @param head the body's first bytes; when there are none, {@code contentType}'s {@code type=collection}
     *     (which some OMi versions send with lists) is all there is to go by
     * @param singleName the root of one document ({@code event}, {@code event_change})
     */
    static DocumentShape of(byte[] head, String contentType, OprFormat format, String singleName) {
        if (head.length == 0) {
            return contentType != null && contentType.replace(" ", "").toLowerCase(java.util.Locale.ROOT)
                    .contains(";type=collection") ? LIST : SINGLE;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        int at = skipSpace(text, text.startsWith("\uFEFF") ? 1 : 0);
        boolean list = format == OprFormat.XML ? xmlList(text, at, singleName) : jsonList(text, at, singleName);
        return list ? LIST : SINGLE;
    }

    private static boolean xmlList(String text, int start, String singleName) {
        int at = start;
        while (at < text.length() && text.startsWith("<", at)) {
            if (text.startsWith("<?", at)) {
                at = after(text, at, "?>");
            } else if (text.startsWith("<!--", at)) {
                at = after(text, at, "-->");
            } else if (text.startsWith("<!", at)) {
                at = after(text, at, ">");
            } else {
                int end = at + 1;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>'
                        && text.charAt(end) != '/') {
                    end++;
                }
                String name = text.substring(at + 1, end);
                return name.substring(name.indexOf(':') + 1).equals(singleName + "_list");
            }
            if (at < 0) {
                return false;
            }
            at = skipSpace(text, at);
        }
        return false;
    }

    private static boolean jsonList(String text, int at, String singleName) {
        if (text.startsWith("[", at)) {
            return true;
        }
        if (!text.startsWith("{", at)) {
            return false;
        }
        int quote = skipSpace(text, at + 1);
        if (!text.startsWith("\"", quote)) {
            return false;
        }
        int close = text.indexOf('"', quote + 1);
        if (close < 0) {
            return false;
        }
        String name = text.substring(quote + 1, close);
        if (name.equals(singleName + "_list")) {
            return true;
        }
        int colon = skipSpace(text, close + 1);
        return name.equals(singleName) && text.startsWith(":", colon)
                && text.startsWith("[", skipSpace(text, colon + 1));
    }

    /** Just after {@code end}, found from {@code at}; -1 when the head stops before it. */
    private static int after(String text, int at, String end) {
        int found = text.indexOf(end, at);
        return found < 0 ? -1 : found + end.length();
    }

    private static int skipSpace(String text, int at) {
        int i = at;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
