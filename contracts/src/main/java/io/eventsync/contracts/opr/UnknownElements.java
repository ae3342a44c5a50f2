package io.eventsync.contracts.opr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Elements of an OPR document that this model does not name, kept at every level as they came
 * (text, or a structure of maps and lists) and written back: OMi's data model is larger than what
 * eventsync reads, and an element it does not know must still reach subscribers.
 */
final class UnknownElements {

    private UnknownElements() {
    }

    static Map<String, Object> copy(Map<String, Object> elements) {
        return elements == null || elements.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(elements));
    }
}
