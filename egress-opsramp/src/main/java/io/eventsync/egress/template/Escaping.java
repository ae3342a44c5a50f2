package io.eventsync.egress.template;

/** How a value is written into a JSON string or XML text without changing the structure around it. */
public final class Escaping {

    private Escaping() {
    }

    static void jsonString(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Control characters, and the line separators some JavaScript parsers choke on.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** {@code value} as XML text (element content or an attribute value). */
    public static String xml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        xml(out, value);
        return out.toString();
    }

    /**
     * XML 1.0 cannot carry, even escaped, what its Char production leaves out: C0 controls but
     * tab, LF and CR, U+FFFE, U+FFFF and surrogates that are not a pair. They are dropped (a
     * receiver's parser would refuse the whole document for one of them).
     */
    static void xml(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (xmlChar(c)) {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** A char XML 1.0 can carry on its own (a surrogate only ever as half of a pair). */
    private static boolean xmlChar(char c) {
        return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c == '\n' || c == '\r' || c == '\t';
    }
}
