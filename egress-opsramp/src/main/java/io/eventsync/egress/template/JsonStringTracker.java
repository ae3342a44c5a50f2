package io.eventsync.egress.template;

/**
 * Tells whether a position of a JSON-ish text lies inside a string literal, by following quotes
 * and backslash escapes from the start. Forgiving: it needs no valid JSON around the strings.
 */
final class JsonStringTracker {

    private final String text;
    private int scanned;
    private boolean inside;

    JsonStringTracker(String text) {
        this.text = text;
    }

    /** Positions must be asked in increasing order, as a template is parsed. */
    boolean insideStringAt(int position) {
        while (scanned < position) {
            char c = text.charAt(scanned);
            if (inside && c == '\\') {
                scanned += 2;
                continue;
            }
            if (c == '"') {
                inside = !inside;
            }
            scanned++;
        }
        return inside;
    }
}
