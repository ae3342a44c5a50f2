package io.eventsync.gateway.problem;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
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
        ObjectNode body = json.createObjectNode();
        body.put("type", TYPE_PREFIX + problem.slug());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        body.put("instance", instance);
        if (problem.pointer() != null) {
            body.putArray("errors").addObject()
                    .put("pointer", problem.pointer())
                    .put("detail", problem.getMessage());
        }
        return json.writeValueAsBytes(body);
    }

    public byte[] xml(ApiProblem problem, String instance) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            XMLStreamWriter writer = xml.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setDefaultNamespace(XML_NAMESPACE);
            writer.writeStartElement(XML_NAMESPACE, "problem");
            writer.writeDefaultNamespace(XML_NAMESPACE);
            element(writer, "type", TYPE_PREFIX + problem.slug());
            element(writer, "title", problem.title());
            element(writer, "status", Integer.toString(problem.status().value()));
            element(writer, "detail", problem.getMessage());
            element(writer, "instance", instance);
            if (problem.pointer() != null) {
                writer.writeStartElement(XML_NAMESPACE, "errors");
                writer.writeStartElement(XML_NAMESPACE, "i");
                element(writer, "pointer", problem.pointer());
                element(writer, "detail", problem.getMessage());
                writer.writeEndElement();
                writer.writeEndElement();
            }
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            return json(problem, instance);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter writer, String name, String text) throws XMLStreamException {
        writer.writeStartElement(XML_NAMESPACE, name);
        writer.writeCharacters(text == null ? "" : text);
        writer.writeEndElement();
    }
}
