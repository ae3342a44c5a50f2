package io.eventsync.gateway.syncback;

import io.eventsync.contracts.opr.Annotation;
import io.eventsync.contracts.opr.CustomAttribute;
import io.eventsync.contracts.opr.OprGroup;
import io.eventsync.contracts.opr.OprUser;
import io.eventsync.contracts.opr.Priority;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.syncback.SyncBackChange;
import io.eventsync.contracts.syncback.SyncBackProperties;
import io.eventsync.gateway.publish.RecordIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules for one sync-back change, checked on the JSON as sent so that every fault is named by
 * its pointer: required fields, the OPR model's values, bounds, and no field the contract does not
 * know (strict, so that a misspelt field is refused rather than silently dropped). JSON
 * {@code null} counts as absent.
 */
final class SyncBackValidation {

    static final int MAX_TITLE_CHARACTERS = 1024;
    static final int MAX_DESCRIPTION_BYTES = 64 * 1024;
    static final int MAX_CUSTOM_ATTRIBUTES = 100;
    static final int MAX_ANNOTATIONS = 100;

    private static final List<String> CHANGE = List.of("schema", "external_id", "change_id", "changes",
            "changed_at", "origin");
    private static final List<String> PROPERTIES = List.of("state", "severity", "priority", "title",
            "description", "assigned_user", "assigned_group", "custom_attributes", "annotations");
    private static final List<String> USER = List.of("id", "login_name", "user_name");
    private static final List<String> GROUP = List.of("id", "name", "label");
    private static final List<String> ATTRIBUTE = List.of("name", "value");
    private static final List<String> ANNOTATION = List.of("id", "author", "time_created", "text");

    private final Map<String, State> states;
    private final Map<String, Severity> severities;
    private final Map<String, Priority> priorities;
    private final Supplier<String> changeIds;

    SyncBackValidation(JsonMapper json, Supplier<String> changeIds) {
        this.states = wireNames(json, State.class);
        this.severities = wireNames(json, Severity.class);
        this.priorities = wireNames(json, Priority.class);
        this.changeIds = changeIds;
    }

    /**
     * The change {@code item} stands for, with its schema set and a change id given when it has
     * none; or {@code null} when it has faults, each added to {@code violations}.
     */
    SyncBackChange change(JsonNode item, String at, Violations violations) {
        int before = violations.count();
        if (!object(item, at, "a sync-back change", violations)) {
            return null;
        }
        onlyKnown(item, CHANGE, at, violations);
        String schema = text(item, "schema", at, violations);
        if (schema != null && !SyncBackChange.SCHEMA.equals(schema)) {
            violations.invalid(at + "/schema", "schema must be " + SyncBackChange.SCHEMA + " (or left out)");
        }
        String externalId = id(item, "external_id", at, violations);
        if (externalId == null && absent(item, "external_id")) {
            violations.missing(at + "/external_id", "external_id is required: the id of the event OMi forwarded");
        }
        String changeId = id(item, "change_id", at, violations);
        Instant changedAt = time(item, "changed_at", at, violations, Instant::parse, "an ISO-8601 instant");
        String origin = id(item, "origin", at, violations);
        SyncBackProperties changes = properties(item.get("changes"), at + "/changes", violations);
        if (violations.count() > before) {
            return null;
        }
        return new SyncBackChange(SyncBackChange.SCHEMA, externalId, changeId != null ? changeId : changeIds.get(),
                changes, changedAt, origin);
    }

    private SyncBackProperties properties(JsonNode node, String at, Violations violations) {
        if (node == null || node.isNull()) {
            violations.missing(at, "changes is required: the properties to change");
            return null;
        }
        if (!object(node, at, "changes", violations)) {
            return null;
        }
        int before = violations.count();
        onlyKnown(node, PROPERTIES, at, violations);
        State state = choice(node, "state", states, at, violations);
        Severity severity = choice(node, "severity", severities, at, violations);
        Priority priority = choice(node, "priority", priorities, at, violations);
        String title = text(node, "title", at, violations);
        if (title != null && title.length() > MAX_TITLE_CHARACTERS) {
            violations.invalid(at + "/title", "title must be at most " + MAX_TITLE_CHARACTERS + " characters");
        }
        String description = text(node, "description", at, violations);
        if (description != null && description.getBytes(StandardCharsets.UTF_8).length > MAX_DESCRIPTION_BYTES) {
            violations.invalid(at + "/description", "description must be at most 64 KiB (UTF-8)");
        }
        SyncBackProperties properties = new SyncBackProperties(state, severity, priority, title, description,
                reference(node, "assigned_user", USER, at, violations, id -> new OprUser(id[0], id[1], id[2])),
                reference(node, "assigned_group", GROUP, at, violations, id -> new OprGroup(id[0], id[1], id[2])),
                list(node, "custom_attributes", MAX_CUSTOM_ATTRIBUTES, at, violations, this::attribute),
                list(node, "annotations", MAX_ANNOTATIONS, at, violations, this::annotation));
        if (properties.isEmpty() && violations.count() == before) {
            violations.invalid(at, "changes must change at least one property (" + String.join(", ", PROPERTIES) + ")");
        }
        return properties;
    }

    /**
     * An assigned user or group: an object of id-like fields, at least one given, built by
     * {@code build} from their values in the order of {@code fields}.
     */
    private static <T> T reference(JsonNode parent, String name, List<String> fields, String at,
                                   Violations violations, Function<String[], T> build) {
        JsonNode node = parent.get(name);
        String pointer = at + "/" + name;
        if (absent(node) || !object(node, pointer, name, violations)) {
            return null;
        }
        int before = violations.count();
        onlyKnown(node, fields, pointer, violations);
        String[] values = new String[fields.size()];
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            values[i] = id(node, fields.get(i), pointer, violations);
            any |= values[i] != null;
        }
        if (!any && violations.count() == before) {
            violations.missing(pointer, name + " needs " + String.join(" or ", fields));
        }
        return build.apply(values);
    }

    private CustomAttribute attribute(JsonNode node, String at, Violations violations) {
        if (!object(node, at, "a custom attribute", violations)) {
            return null;
        }
        onlyKnown(node, ATTRIBUTE, at, violations);
        String name = id(node, "name", at, violations);
        if (name == null && absent(node, "name")) {
            violations.missing(at + "/name", "a custom attribute needs its name");
        }
        return new CustomAttribute(name, text(node, "value", at, violations));
    }

    private Annotation annotation(JsonNode node, String at, Violations violations) {
        if (!object(node, at, "an annotation", violations)) {
            return null;
        }
        onlyKnown(node, ANNOTATION, at, violations);
        String text = text(node, "text", at, violations);
        if (text == null ? absent(node, "text") : text.isBlank()) {
            violations.missing(at + "/text", "an annotation needs its text");
        }
        return new Annotation(id(node, "id", at, violations), id(node, "author", at, violations),
                time(node, "time_created", at, violations, OffsetDateTime::parse, "an ISO-8601 date-time with offset"),
                text);
    }

    /** What reads one item of a list. */
    private interface ItemRule<T> {
        T read(JsonNode item, String at, Violations violations);
    }

    private static <T> List<T> list(JsonNode parent, String name, int max, String at, Violations violations,
                                    ItemRule<T> rule) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return List.of();
        }
        String pointer = at + "/" + name;
        if (!node.isArray()) {
            violations.invalid(pointer, name + " must be an array");
            return List.of();
        }
        if (node.size() > max) {
            violations.invalid(pointer, name + " may have at most " + max + " items, has " + node.size());
            return List.of();
        }
        List<T> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            T item = rule.read(node.get(i), pointer + "/" + i, violations);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private static <E> E choice(JsonNode parent, String name, Map<String, E> allowed, String at,
                                Violations violations) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        E value = node.isString() ? allowed.get(node.stringValue()) : null;
        if (value == null) {
            violations.invalid(at + "/" + name, "invalid value " + quoted(node) + " for " + name + " (allowed: "
                    + String.join(", ", allowed.keySet()) + ")");
        }
        return value;
    }

    /** An id-like text: at most 256 characters, no control characters (it may become a key or header). */
    private static String id(JsonNode parent, String name, String at, Violations violations) {
        String value = text(parent, name, at, violations);
        if (value != null && !RecordIds.wellFormed(value)) {
            violations.invalid(at + "/" + name, name + " must be 1 to " + RecordIds.MAX_LENGTH
                    + " characters without control characters");
            return null;
        }
        return value;
    }

    private static String text(JsonNode parent, String name, String at, Violations violations) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            violations.invalid(at + "/" + name, name + " must be a string");
            return null;
        }
        return node.stringValue();
    }

    private static <T> T time(JsonNode parent, String name, String at, Violations violations, Function<String, T> parser,
                              String shape) {
        String value = text(parent, name, at, violations);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (DateTimeParseException e) {
            violations.invalid(at + "/" + name, name + " must be " + shape + ", e.g. 2026-12-01T10:00:00Z");
            return null;
        }
    }

    private static boolean object(JsonNode node, String at, String what, Violations violations) {
        if (node == null || !node.isObject()) {
            violations.invalid(at, what + " must be a JSON object");
            return false;
        }
        return true;
    }

    private static void onlyKnown(JsonNode object, List<String> known, String at, Violations violations) {
        for (String name : object.propertyNames()) {
            if (!known.contains(name)) {
                violations.unknown(at + "/" + escape(name), "unknown field " + quoted(name) + " (known: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    private static boolean absent(JsonNode parent, String name) {
        return absent(parent.get(name));
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    /** A field name as a JSON pointer token (RFC 6901). */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String quoted(Object value) {
        String text = value instanceof JsonNode node && node.isString() ? node.stringValue() : String.valueOf(value);
        return "\"" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "\"";
    }

    /** Each value as the OPR model writes it in JSON ({@code in_progress}), in declaration order. */
    private static <E extends Enum<E>> Map<String, E> wireNames(JsonMapper json, Class<E> type) {
        Map<String, E> names = new LinkedHashMap<>();
        for (E constant : type.getEnumConstants()) {
            names.put(json.convertValue(constant, String.class), constant);
        }
        return names;
    }
}
