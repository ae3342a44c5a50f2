package io.eventsync.sandbox.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One secret the test set or sent, and every form in which it could leak: as set, URL-encoded (a
 * form body, a query), Base64 (alone, and as {@code user:secret} in a Basic header), and its marker,
 * the random core every other form keeps, so that a truncated or differently escaped copy is found
 * too.
 */
final class PlantedSecret {

    private final String name;
    private final String value;
    private final Map<String, String> forms = new LinkedHashMap<>();

    PlantedSecret(String name, String value, String marker) {
        this.name = name;
        this.value = value;
        add("as set", value);
        add("URL-encoded", URLEncoder.encode(value, StandardCharsets.UTF_8));
        add("Base64", base64(value));
        add("Base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        add("marker " + marker, marker);
    }

    /** Someone authenticates with it over HTTP Basic as {@code user}: that header's Base64 is a form too. */
    PlantedSecret sentAsBasicBy(String user) {
        return alsoAs("Base64 of " + user + ":<secret>", base64(user + ":" + value));
    }

    PlantedSecret alsoAs(String form, String text) {
        add(form, text);
        return this;
    }

    String name() {
        return name;
    }

    String value() {
        return value;
    }

    Map<String, String> forms() {
        return Collections.unmodifiableMap(forms);
    }

    /**
     * Without padding: the padded text starts with it, so one search finds both, and a copy cut at
     * a header's length limit still matches.
     */
    static String base64(String text) {
        return Base64.getEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private void add(String form, String text) {
        // Forms that coincide (a value URL-encoding leaves unchanged) are searched once.
        if (!forms.containsValue(text)) {
            forms.put(form, text);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
