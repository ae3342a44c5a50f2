package io.eventsync.simulators.omi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OPR documents in JSON. The forwarding document shows no JSON; OMi's JSON mirrors its XML: the
 * same element names as keys, repeated elements as an array. Two shapes are seen from OPR
 * clients, and a target has to take both:
 * <ul>
 *   <li>{@link Shape#WRAPPED}: the root element's name wraps the document, and scalars are strings,
 *       as a mapped-XML writer produces: {@code {"event_list": {"event": [{"id": "1", ...}]}}}. A
 *       repeated element that occurs once is written as a plain object, not an array of one.</li>
 *   <li>{@link Shape#BARE}: a single document is its bare object, a list the array of its items
 *       under the item name: {@code {"event": [{"id": "1", ...}]}}.</li>
 *   <li>{@link Shape#STREAMED}: as {@link Shape#BARE}, but written as a streaming XML-to-JSON writer
 *       does, element by element in document order: a repeated element is a repeated member, so
 *       {@code changed_properties} may name {@code title_property_change} twice.</li>
 * </ul>
 * Reading takes any of these, a bare array of items, and numbers and booleans as scalars.
 */
public final class OprJson {

    /** How a document is laid out; see the class comment. */
    public enum Shape { WRAPPED, BARE, STREAMED }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OprJson() {
    }

    /**
     * The document in {@code shape}.
     *
     * @param itemName for a list root ({@code event_list}), the name of its items ({@code event}):
     *     in {@link Shape#BARE} and {@link Shape#STREAMED} they are written under it as an array even
     *     when there is one
     */
    public static byte[] write(OprNode root, Shape shape, String itemName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            if (shape == Shape.WRAPPED) {
                generator.writeStartObject();
                generator.writeName(root.name());
                value(generator, root, shape);
                generator.writeEndObject();
            } else if (itemName != null) {
                generator.writeStartObject();
                generator.writeName(itemName);
                generator.writeStartArray();
                for (OprNode item : root.children(itemName)) {
                    value(generator, item, shape);
                }
                generator.writeEndArray();
                generator.writeEndObject();
            } else {
                value(generator, root, shape);
            }
        }
        return out.toByteArray();
    }

    /** A branch as an object, a leaf as its text; repeated names as the shape has them. */
    private static void value(JsonGenerator generator, OprNode node, Shape shape) {
        if (node.isLeaf()) {
            generator.writeString(node.text());
            return;
        }
        generator.writeStartObject();
        if (shape == Shape.STREAMED) {
            for (OprNode child : node.children()) {
                generator.writeName(child.name());
                value(generator, child, shape);
            }
        } else {
            Map<String, List<OprNode>> byName = new LinkedHashMap<>();
            node.children().forEach(child -> byName.computeIfAbsent(child.name(), k -> new ArrayList<>()).add(child));
            for (Map.Entry<String, List<OprNode>> same : byName.entrySet()) {
                generator.writeName(same.getKey());
                boolean array = same.getValue().size() > 1
                        || (shape == Shape.BARE && node.name().equals(same.getKey() + "_list"));
                if (array) {
                    generator.writeStartArray();
                    for (OprNode item : same.getValue()) {
                        value(generator, item, shape);
                    }
                    generator.writeEndArray();
                } else {
                    value(generator, same.getValue().get(0), shape);
                }
            }
        }
        generator.writeEndObject();
    }

    /**
     * Reads a document into an element tree named {@code rootName}. A wrapper object whose one key is
     * {@code rootName} (or {@code itemName} for a list) is unwrapped; a bare array or an object whose one key
     * is {@code itemName} holding an array is taken as the list of those items.
     *
     * @param itemName for a list, the name of its items; null for a single document
     * @throws IllegalArgumentException when the bytes are no JSON
     */
    public static OprNode read(byte[] document, String rootName, String itemName) {
        JsonNode tree;
        try {
            tree = JSON.readTree(document);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree.isObject() && tree.size() == 1 && tree.has(rootName)) {
            tree = tree.get(rootName);
        }
        if (itemName != null) {
            if (tree.isArray()) {
                return items(rootName, itemName, tree);
            }
            if (tree.isObject() && tree.size() == 1 && tree.has(itemName)) {
                return items(rootName, itemName, tree.get(itemName));
            }
        }
        return node(rootName, tree);
    }

    private static OprNode items(String rootName, String itemName, JsonNode items) {
        List<OprNode> children = new ArrayList<>();
        if (items.isArray()) {
            items.forEach(item -> children.add(node(itemName, item)));
        } else {
            children.add(node(itemName, items));
        }
        return OprNode.branch(rootName, children);
    }

    private static OprNode node(String name, JsonNode value) {
        if (!value.isObject()) {
            return OprNode.leaf(name, value.isNull() ? "" : value.asString());
        }
        List<OprNode> children = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            if (member.getValue().isArray()) {
                member.getValue().forEach(item -> children.add(node(member.getKey(), item)));
            } else {
                children.add(node(member.getKey(), member.getValue()));
            }
        }
        return OprNode.branch(name, children);
    }
}
