package io.eventsync.egress.template;

import java.util.Locale;

/** What a payload is, which decides how values are escaped into it. */
public enum PayloadFormat {
    JSON, XML, TEXT;

    /**
     * From the route's {@code Content-Type} header when it has one, else from the template's first
     * character after a byte order mark. A SOAP notifier's envelope is added around the rendered
     * payload afterwards, so it does not change how values are escaped into the template.
     */
    public static PayloadFormat of(String contentType, String template) {
        if (contentType != null && !contentType.isBlank()) {
            String type = contentType.toLowerCase(Locale.ROOT);
            return type.contains("json") ? JSON : type.contains("xml") ? XML : TEXT;
        }
        String start = PayloadTemplate.withoutByteOrderMark(template).stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            return JSON;
        }
        return start.startsWith("<") ? XML : TEXT;
    }
}
