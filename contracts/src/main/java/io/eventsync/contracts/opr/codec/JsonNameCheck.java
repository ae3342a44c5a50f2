package io.eventsync.contracts.opr.codec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Walks one JSON value token by token and says whether any object in it names a member twice. A
 * duplicate name is ambiguous everywhere but in {@code changed_properties}, where OMi's typed
 * entries ({@code title_property_change}, ...) may come again, each the next change: there, and only
 * there, a name may repeat. The parser's own duplicate check cannot make that exception, so the codec
 * reads with it off and checks here.
 */
final class JsonNameCheck {

    static final String CHANGED_PROPERTIES = "changed_properties";

    private JsonNameCheck() {
    }

    /**
     * Walks the object or array the parser stands on, to its end.
     *
     * @param memberName the name the value stands under, or null
     * @return false at the first name an object repeats (the parser then stands there)
     */
    static boolean namesAreUnique(JsonParser parser, String memberName) {
        // Stacks of the containers open: the names each object has seen (null: not checked), and which are objects.
        List<Set<String>> open = new ArrayList<>();
        List<Boolean> objects = new ArrayList<>();
        open.add(names(parser.currentToken(), memberName));
        objects.add(parser.currentToken() == JsonToken.START_OBJECT);
        String name = null;
        while (!open.isEmpty()) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return false;
            }
            switch (token) {
                case PROPERTY_NAME -> {
                    name = parser.currentName();
                    Set<String> seen = open.get(open.size() - 1);
                    if (seen != null && !seen.add(name)) {
                        return false;
                    }
                }
                case START_OBJECT, START_ARRAY -> {
                    open.add(names(token, objects.get(objects.size() - 1) ? name : null));
                    objects.add(token == JsonToken.START_OBJECT);
                }
                case END_OBJECT, END_ARRAY -> {
                    open.remove(open.size() - 1);
                    objects.remove(objects.size() - 1);
                }
                default -> {
                    // a scalar value
                }
            }
        }
        return true;
    }

    /** The names seen so far in a new object; none kept for arrays and for changed_properties. */
    private static Set<String> names(JsonToken token, String memberName) {
        return token == JsonToken.START_OBJECT && !CHANGED_PROPERTIES.equals(memberName) ? new HashSet<>() : null;
    }
}
