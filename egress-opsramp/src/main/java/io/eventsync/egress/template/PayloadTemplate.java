package io.eventsync.egress.template;

import io.eventsync.egress.entity.EventView;
import io.eventsync.egress.route.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A payload template with {@code $entity.property} placeholders (seed 002), parsed once and rendered
 * per event. A placeholder is {@code $} + an entity name + one or more {@code .property} segments;
 * anything else with a {@code $} is text.
 *
 * <p>Values are escaped for where they land, so an event cannot add structure to the payload:
 * <ul>
 *   <li>JSON, inside a string: JSON string escaping; outside a string: numbers and booleans as
 *       they are, anything else as a quoted JSON string, a missing value as {@code null};</li>
 *   <li>XML: the five XML entities;</li>
 *   <li>text: as is.</li>
 * </ul>
 * A missing property renders as nothing (JSON value position: {@code null}). The template itself is
 * not required to be valid JSON or XML: seed 002's own sample is not.
 */
public final class PayloadTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$([A-Za-z]+)((?:\\.[A-Za-z0-9_-]+)+)");

    private final String text;
    private final PayloadFormat format;
    private final List<Part> parts;

    private PayloadTemplate(String text, PayloadFormat format, List<Part> parts) {
        this.text = text;
        this.format = format;
        this.parts = parts;
    }

    /**
     * @param text the template as given; a byte order mark an editor wrote first is not rendered
     *             (JSON must not start with one, RFC 8259; in a string it says nothing of encoding)
     */
    public static PayloadTemplate parse(String text, PayloadFormat format) {
        List<Part> parts = new ArrayList<>();
        String rendered = withoutByteOrderMark(text);
        Matcher matcher = PLACEHOLDER.matcher(rendered);
        int literalStart = 0;
        JsonStringTracker strings = new JsonStringTracker(rendered);
        while (matcher.find()) {
            Optional<Entity> entity = Entity.parse(matcher.group(1));
            if (entity.isEmpty() || !entity.get().placeholderName().equals(matcher.group(1).toLowerCase(Locale.ROOT))) {
                continue;
            }
            parts.add(new Literal(rendered.substring(literalStart, matcher.start())));
            Slot slot = switch (format) {
                case JSON -> strings.insideStringAt(matcher.start()) ? Slot.JSON_STRING : Slot.JSON_VALUE;
                case XML -> Slot.XML;
                case TEXT -> Slot.TEXT;
            };
            parts.add(new Placeholder(matcher.group(2).substring(1), slot));
            literalStart = matcher.end();
        }
        parts.add(new Literal(rendered.substring(literalStart)));
        return new PayloadTemplate(text, format, List.copyOf(parts));
    }

    static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public String render(EventView event) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Placeholder placeholder) {
                placeholder.slot().append(out, event.node(placeholder.path()));
            }
        }
        return out.toString();
    }

    /** The template as given (the admin API's {@code eventPayload}). */
    public String text() {
        return text;
    }

    public PayloadFormat format() {
        return format;
    }

    /** The property paths the template reads, in order (for the dry run's report). */
    public List<String> placeholders() {
        return parts.stream().filter(Placeholder.class::isInstance).map(p -> ((Placeholder) p).path()).toList();
    }

    private sealed interface Part permits Literal, Placeholder {
    }

    private record Literal(String text) implements Part {
    }

    private record Placeholder(String path, Slot slot) implements Part {
    }

    private enum Slot {
        JSON_STRING {
            @Override
            void append(StringBuilder out, Optional<JsonNode> value) {
                value.ifPresent(node -> Escaping.jsonString(out, textOf(node)));
            }
        },
        JSON_VALUE {
            @Override
            void append(StringBuilder out, Optional<JsonNode> value) {
                if (value.isEmpty()) {
                    out.append("null");
                } else if (value.get().isNumber() || value.get().isBoolean()) {
                    out.append(value.get().asString());
                } else {
                    out.append('"');
                    Escaping.jsonString(out, textOf(value.get()));
                    out.append('"');
                }
            }
        },
        XML {
            @Override
            void append(StringBuilder out, Optional<JsonNode> value) {
                value.ifPresent(node -> Escaping.xml(out, textOf(node)));
            }
        },
        TEXT {
            @Override
            void append(StringBuilder out, Optional<JsonNode> value) {
                value.ifPresent(node -> out.append(textOf(node)));
            }
        };

        abstract void append(StringBuilder out, Optional<JsonNode> value);

        private static String textOf(JsonNode node) {
            return node.isValueNode() ? node.asString() : node.toString();
        }
    }
}
