package io.eventsync.sandbox.receiver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} text, as query strings and token requests carry it. A repeated
 * name keeps its first value; a malformed escape is an {@link IllegalArgumentException}.
 */
final class FormData {

    private static final String MASK = "******";

    private FormData() {
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (!pair.isEmpty()) {
                    values.putIfAbsent(decode(nameOf(pair)), decode(valueOf(pair)));
                }
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** The same text with the values of {@code secretNames} replaced, for the request log. */
    static String masked(String raw, Set<String> secretNames) {
        StringJoiner joined = new StringJoiner("&");
        for (String pair : raw.split("&", -1)) {
            String name;
            try {
                name = decode(nameOf(pair));
            } catch (IllegalArgumentException e) {
                name = nameOf(pair);
            }
            joined.add(secretNames.contains(name) ? nameOf(pair) + "=" + MASK : pair);
        }
        return joined.toString();
    }

    private static String nameOf(String pair) {
        int equals = pair.indexOf('=');
        return equals < 0 ? pair : pair.substring(0, equals);
    }

    private static String valueOf(String pair) {
        int equals = pair.indexOf('=');
        return equals < 0 ? "" : pair.substring(equals + 1);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
