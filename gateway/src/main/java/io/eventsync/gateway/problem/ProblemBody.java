package io.eventsync.gateway.problem;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a problem as {@code application/problem+json}, or for XML clients as
 * {@code application/problem+xml} in the RFC's own namespace. Every error the gateway answers
 * goes through here, so every error has the same shape.
 */
public final class ProblemBody {

    public static final String TYPE_PREFIX = "urn:eventsync:problem:";
    public static final MediaType PROBLEM_XML = MediaType.parseMediaType("application/problem+xml");
    private static final String XML_NAMESPACE = "urn:ietf:rfc:7807";

    private final JsonMapper json;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    public ProblemBody(JsonMapper json) {
        this.json = json;
    }

    public byte[] json(ApiProblem problem, String instance) {
        return json.writeValueAsBytes(tree(problem, instance));
    }

    public byte[] xml(ApiProblem problem, String instance) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            XMLStreamWriter writer = xml.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setDefaultNamespace(XML_NAMESPACE);
            writer.writeStartElement(XML_NAMESPACE, "problem");
            writer.writeDefaultNamespace(XML_NAMESPACE);
            for (Map.Entry<String, JsonNode> member : tree(problem, instance).properties()) {
                element(writer, member.getKey(), member.getValue());
            }
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            return json(problem, instance);
        }
        return out.toByteArray();
    }

    /** The problem's members in order; XML mirrors them, with arrays as {@code <i>} items (RFC 9457, appendix B). */
    private ObjectNode tree(ApiProblem problem, String instance) {
        ObjectNode body = json.createObjectNode();
        body.put("type", TYPE_PREFIX + problem.slug());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        body.put("instance", instance);
        if (!problem.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            problem.errors().forEach(error -> errors.addObject()
                    .put("pointer", error.pointer())
                    .put("detail", error.detail()));
        }
        problem.extensions().forEach((name, value) -> body.set(name, json.valueToTree(value)));
        return body;
    }

    private static void element(XMLStreamWriter writer, String name, JsonNode value) throws XMLStreamException {
        writer.writeStartElement(XML_NAMESPACE, name);
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                element(writer, member.getKey(), member.getValue());
            }
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                element(writer, "i", item);
            }
        } else if (!value.isNull()) {
            writer.writeCharacters(value.asString());
        }
        writer.writeEndElement();
    }
}
