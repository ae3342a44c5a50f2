package io.eventsync.simulators.omi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The values OMi's data model allows for its enumerated fields ({@code severity}, {@code priority},
 * {@code state}), as OMi checks what a connected server syncs back. Case does not matter, as OMi's own
 * writers vary in it.
 */
public final class OprValues {

    private static final Map<String, List<String>> ALLOWED = Map.of(
            "severity", List.of("unknown", "normal", "warning", "minor", "major", "critical"),
            "priority", List.of("none", "lowest", "low", "medium", "high", "highest"),
            "state", List.of("open", "in_progress", "resolved", "closed"));

    private OprValues() {
    }

    /** Why {@code value} cannot be {@code property}'s, or empty when it can (or the field is not enumerated). */
    public static Optional<String> refusal(String property, String value) {
        List<String> allowed = ALLOWED.get(property);
        if (allowed == null || value == null || allowed.contains(value.trim().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of("\"" + value + "\" is no " + property + " (one of " + String.join(", ", allowed) + ")");
    }
}
