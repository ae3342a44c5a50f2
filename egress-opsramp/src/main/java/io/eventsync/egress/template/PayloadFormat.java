package io.eventsync.egress.template;

import java.util.Locale;

/** What a payload is, which decides how values are escaped into it. */
public enum PayloadFormat {
    JSON, XML, TEXT;

    /**
     * From the route's {@code Content-Type} header when it has one, else from the template's first
     * character; a SOAP notifier always sends XML.
     */
    public static PayloadFormat of(String contentType, String template, boolean soap) {
        if (soap) {
            return XML;
        }
        if (contentType != null && !contentType.isBlank()) {
            String type = contentType.toLowerCase(Locale.ROOT);
            return type.contains("json") ? JSON : type.contains("xml") ? XML : TEXT;
        }
        String start = template.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            return JSON;
        }
        return start.startsWith("<") ? XML : TEXT;
    }
}
