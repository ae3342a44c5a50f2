package io.eventsync.simulators.omi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * OPR documents in XML, OMi's native format: every element in the OPR data-model namespace,
 * declared once on the root. Written with the JDK's own StAX writer, read with its own StAX reader
 * with DTDs and external entities off (an answer is network input even in a simulator). The JDK's,
 * not whichever provider the classpath brings, so the bytes are the same wherever the model runs.
 */
public final class OprXml {

    /** The namespace of OMi's data model. */
    public static final String NAMESPACE = "http://www.hp.com/2009/software/opr/data_model";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();
    private static final XMLInputFactory INPUT = secureInput();

    private OprXml() {
    }

    /** The document, UTF-8, with an XML declaration, no indentation. */
    public static byte[] write(OprNode root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setDefaultNamespace(NAMESPACE);
            writer.writeStartElement(NAMESPACE, root.name());
            writer.writeDefaultNamespace(NAMESPACE);
            content(writer, root);
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("cannot write " + root.name() + " as XML: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void content(XMLStreamWriter writer, OprNode node) throws XMLStreamException {
        if (node.isLeaf()) {
            writer.writeCharacters(node.text());
            return;
        }
        for (OprNode child : node.children()) {
            writer.writeStartElement(NAMESPACE, child.name());
            content(writer, child);
            writer.writeEndElement();
        }
    }

    /**
     * Reads a document into its element tree by local names. Attributes and namespaces are not
     * kept; an element with child elements is a branch (whitespace between them dropped), any
     * other a leaf with its text as it stands.
     *
     * @throws IllegalArgumentException when the bytes are no well-formed XML
     */
    public static OprNode read(byte[] document) {
        XMLStreamReader reader = null;
        try {
            reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(document));
            Deque<Open> open = new ArrayDeque<>();
            OprNode root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    open.push(new Open(reader.getLocalName()));
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    OprNode done = open.pop().node();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
            }
            if (root == null) {
                throw new IllegalArgumentException("no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // read from memory: nothing to release
                }
            }
        }
    }

    /** An element being read. */
    private static final class Open {
        final String name;
        final StringBuilder text = new StringBuilder();
        final List<OprNode> children = new ArrayList<>();

        Open(String name) {
            this.name = name;
        }

        OprNode node() {
            return children.isEmpty() ? OprNode.leaf(name, text.toString()) : OprNode.branch(name, children);
        }
    }

    private static XMLInputFactory secureInput() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
