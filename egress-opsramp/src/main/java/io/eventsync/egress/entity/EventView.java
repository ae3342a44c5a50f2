package io.eventsync.egress.entity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An event as routes see it: a JSON object whose properties filters and templates address by a
 * dotted path ({@code priority.name}, {@code node_ref.node.primary_dns_name},
 * {@code custom_attribute_list.custom_attribute.0.value}).
 *
 * <p>Names match forgiving case, underscores and dashes, because seed 002 writes rule keys as
 * labels ({@code Subject}) while OPR names are snake_case ({@code time_created}) and OFSC's are
 * camelCase ({@code activityId}): {@code Subject}, {@code subject}, {@code timeCreated} and
 * {@code time_created} all find what they mean. An exact name wins over a forgiving match.
 */
public final class EventView {

    private final JsonNode root;

    public EventView(JsonNode root) {
        this.root = root;
    }

    public JsonNode root() {
        return root;
    }

    /** The node at {@code path}, if every segment exists. */
    public Optional<JsonNode> node(String path) {
        JsonNode current = root;
        for (String segment : path.split("\\.", -1)) {
            current = child(current, segment);
            if (current == null || current.isMissingNode() || current.isNull()) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The value at {@code path} as text: scalars as themselves, objects and arrays as JSON. */
    public Optional<String> text(String path) {
        return node(path).map(node -> node.isValueNode() ? node.asString() : node.toString());
    }

    private static JsonNode child(JsonNode parent, String segment) {
        if (segment.isEmpty()) {
            return null;
        }
        if (parent.isArray()) {
            return isIndex(segment) ? parent.get(Integer.parseInt(segment)) : null;
        }
        if (!parent.isObject()) {
            return null;
        }
        JsonNode exact = parent.get(segment);
        if (exact != null) {
            return exact;
        }
        String wanted = folded(segment);
        for (Map.Entry<String, JsonNode> property : parent.properties()) {
            if (folded(property.getKey()).equals(wanted)) {
                return property.getValue();
            }
        }
        return null;
    }

    private static boolean isIndex(String segment) {
        return segment.length() <= 6 && segment.chars().allMatch(Character::isDigit);
    }

    private static String folded(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
