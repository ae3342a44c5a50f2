package io.eventsync.contracts.opr.codec;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.OprNamespace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * Reads and writes OPR documents in JSON and XML. Thread-safe; build one and share it.
 *
 * <p>XML follows OMi: root elements {@code event}, {@code event_list}, {@code event_change},
 * {@code event_change_list} in the OPR namespace. JSON uses the same names as keys; a document
 * may be the bare object ({@code {"id": ...}}), wrapped in its root name
 * ({@code {"event": {...}}}), and a list may be {@code {"event": [...]}},
 * {@code {"event_list": {"event": [...]}}} or a bare array. This codec writes the bare forms.
 *
 * <p>Text XML 1.0 cannot carry is written as U+FFFD: the C0 controls other than tab, line feed
 * and carriage return (U+0000 too), U+FFFE, U+FFFF and unpaired surrogates. JSON carries
 * them all, so a document read from JSON holds them legitimately and is still written to XML,
 * never refused; the JSON writer keeps them exactly.
 *
 * <p>A member name JSON allows but XML does not ({@code "x y"}, {@code "1st"}, kept among an
 * event's unnamed elements) is written to XML as {@code base64_tag_} and its name in Base64
 * ({@link XmlNames}: Jackson's Base64 name processor), and read back as it was: OMi never
 * receives malformed XML, and nothing is dropped. Names of ASCII letters, digits, {@code _} and
 * {@code -} (all of OMi's) are written as they are.
 *
 * <p>Bytes that are not well-formed UTF-8 are refused as {@link OprPayloadException.Reason#MALFORMED}
 * before parsing: overlong forms ({@code C0 AF} for {@code /}), surrogates encoded in UTF-8
 * (CESU-8), code points above U+10FFFF, cut sequences. JSON bytes read through {@link #jsonMapper()}
 * are refused the same way (as a {@code StreamReadException}). XML is held to it when it is in
 * UTF-8 (the default, or declared), since it may declare another encoding.
 */
public final class OprCodec {

    private static final Map<String, Class<? extends OprDocument>> XML_ROOTS = Map.of(
            "event", OprEvent.class,
            "event_list", OprEventList.class,
            "event_change", OprEventChange.class,
            "event_change_list", OprEventChangeList.class);

    private static final Map<Class<? extends OprDocument>, String> ROOT_NAMES = Map.of(
            OprEvent.class, "event",
            OprEventList.class, "event_list",
            OprEventChange.class, "event_change",
            OprEventChangeList.class, "event_change_list");

    /** What an endpoint takes: a single document or its list form. */
    public enum Expect {
        EVENTS(OprEvent.class, OprEventList.class, "event", "event_list"),
        EVENT_CHANGES(OprEventChange.class, OprEventChangeList.class, "event_change", "event_change_list");

        private final Class<? extends OprDocument> single;
        private final Class<? extends OprDocument> list;
        private final String singleName;
        private final String listName;

        Expect(Class<? extends OprDocument> single, Class<? extends OprDocument> list, String singleName,
               String listName) {
            this.single = single;
            this.list = list;
            this.singleName = singleName;
            this.listName = listName;
        }
    }

    private final JsonMapper json;
    /**
     * {@link #json} without the UTF-8 and duplicate-name checks: it binds only bytes {@link #plainShape}
     * has read, and so checked, already.
     */
    private final JsonMapper uncheckedJson;
    /** Reads tokens for {@link #plainShape}: UTF-8 checked, duplicate names checked by {@link JsonNameCheck}. */
    private final JsonMapper scanJson;
    private final XmlMapper xml;
    private final SafeXmlInput xmlInput;
    private final Map<Class<? extends OprDocument>, ObjectWriter> xmlWriters;
    private final long maxDocumentLength;

    public OprCodec(OprLimits limits) {
        this.maxDocumentLength = limits.maxDocumentLength();
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength(limits.maxStringLength())
                .maxDocumentLength(limits.maxDocumentLength())
                .maxNumberLength(32)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // The token pass checked duplicate names already; a second check would cost a set per object again.
        this.uncheckedJson = jsonMapper(factory.rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
        this.json = jsonMapper(factory.rebuild().inputDecorator(new WellFormedUtf8Input(limits.maxDocumentLength()))
                .build());
        this.scanJson = jsonMapper(factory.rebuild().inputDecorator(new WellFormedUtf8Input(limits.maxDocumentLength()))
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
        this.xmlInput = new SafeXmlInput(limits);
        this.xml = XmlMapper.builder(XmlFactory.builder()
                        .xmlInputFactory(xmlInput.factory())
                        .xmlOutputFactory(SafeXmlOutput.factory())
                        .xmlNameProcessor(new XmlNames())
                        .streamReadConstraints(constraints)
                        .build())
                .defaultUseWrapper(false)
                .annotationIntrospector(new OprNamespaceIntrospector())
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .addModule(LenientTimes.module())
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
        this.xmlWriters = Map.of(
                OprEvent.class, xmlWriter("event"),
                OprEventList.class, xmlWriter("event_list"),
                OprEventChange.class, xmlWriter("event_change"),
                OprEventChangeList.class, xmlWriter("event_change_list"));
    }

    private static JsonMapper jsonMapper(JsonFactory factory) {
        return JsonMapper.builder(factory)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .addModule(LenientTimes.module())
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
    }

    public static OprCodec withDefaults() {
        return new OprCodec(OprLimits.DEFAULT);
    }

    private ObjectWriter xmlWriter(String root) {
        return xml.writer().withRootName(PropertyName.construct(root, OprNamespace.URI));
    }

    /**
     * The JSON mapper this codec uses, configured for the OPR model (for envelopes around it). It
     * refuses bytes that are not well-formed UTF-8 with a {@link tools.jackson.core.exc.StreamReadException}.
     */
    public JsonMapper jsonMapper() {
        return json;
    }

    /**
     * Reads an event or event list ({@link Expect#EVENTS}), or an event change or change list.
     *
     * @throws OprPayloadException naming the place at fault when the document cannot be accepted
     */
    public OprDocument read(byte[] document, OprFormat format, Expect expect) {
        // Checked here for both formats: the XML reader has no document-length limit of its own.
        if (document.length > maxDocumentLength) {
            throw new OprPayloadException(OprPayloadException.Reason.LIMIT_EXCEEDED, "",
                    "the document is " + document.length + " bytes, more than the " + maxDocumentLength + " accepted");
        }
        return format == OprFormat.XML ? readXml(document, expect) : readJson(document, expect);
    }

    /** An item of a list that cannot be read on its own: its place in the list, from 0, and why. */
    public record ItemFault(int index, OprPayloadException problem) {
    }

    /** A list taken apart: how many items it has, and those that cannot be read on their own. */
    public record ItemScan(int items, List<ItemFault> faults) {

        static final ItemScan NONE = new ItemScan(0, List.of());

        public ItemScan {
            faults = List.copyOf(faults);
        }
    }

    /**
     * For a list that {@link #read} refused: how many items it has, and every one that cannot be read on
     * its own, with the reason and the pointer (into the list as sent) that reading it alone gives. No
     * faults when the document cannot be taken apart into items (not well-formed, no list) or no item is
     * wrong alone: its refusal then stands for the whole. A caller that must name each bad item of a bulk
     * asks this; {@link #read} stops at the first.
     */
    public ItemScan scanItems(byte[] document, OprFormat format, Expect expect) {
        JsonNode items;
        String base;
        ObjectMapper mapper;
        try {
            if (format == OprFormat.XML) {
                XMLStreamReader reader = xmlInput.openAtRoot(document);
                try {
                    if (!expect.listName.equals(reader.getLocalName())) {
                        return ItemScan.NONE;
                    }
                    items = xml.readValue(reader, JsonNode.class).get(expect.singleName);
                } finally {
                    close(reader);
                }
                base = "/" + expect.listName + "/" + expect.singleName;
                mapper = xml;
            } else {
                JsonNode tree = json.readTree(document);
                base = "";
                if (tree != null && tree.isObject() && tree.size() == 1 && tree.has(expect.listName)) {
                    tree = tree.get(expect.listName);
                    base = "/" + expect.listName;
                }
                if (tree != null && tree.isObject() && tree.get(expect.singleName) != null
                        && (tree.get(expect.singleName).isArray() || !base.isEmpty())) {
                    tree = tree.get(expect.singleName);
                } else if (tree == null || !tree.isArray()) {
                    return ItemScan.NONE;
                }
                items = tree;
                base = base + "/" + expect.singleName;
                mapper = json;
            }
        } catch (JacksonException | OprPayloadException | java.io.IOException e) {
            return ItemScan.NONE;
        }
        if (items == null) {
            return ItemScan.NONE;
        }
        List<ItemFault> faults = new ArrayList<>();
        List<JsonNode> each = new ArrayList<>();
        if (items.isArray()) {
            items.forEach(each::add);
        } else {
            each.add(items);
        }
        for (int i = 0; i < each.size(); i++) {
            try {
                mapper.treeToValue(each.get(i), expect.single);
            } catch (JacksonException e) {
                faults.add(new ItemFault(i, translate(e, base + "/" + i)));
            }
        }
        return new ItemScan(each.size(), faults);
    }

    /** Never refuses a document for its characters; in XML those XML 1.0 cannot carry become U+FFFD. */
    public byte[] write(OprDocument document, OprFormat format) {
        if (format == OprFormat.XML) {
            return xmlWriters.get(document.getClass()).writeValueAsBytes(document);
        }
        return json.writeValueAsBytes(document);
    }

    public String writeString(OprDocument document, OprFormat format) {
        return new String(write(document, format), java.nio.charset.StandardCharsets.UTF_8);
    }

    private OprDocument readXml(byte[] document, Expect expect) {
        XMLStreamReader reader = xmlInput.openAtRoot(document);
        String root = reader.getLocalName();
        Class<? extends OprDocument> type = XML_ROOTS.get(root);
        if (type != expect.single && type != expect.list) {
            close(reader);
            throw new OprPayloadException(OprPayloadException.Reason.WRONG_DOCUMENT, "",
                    "expected root element <" + expect.singleName + "> or <" + expect.listName
                            + "> but found <" + root + ">");
        }
        try {
            return xml.readValue(reader, type);
        } catch (JacksonException e) {
            throw translate(e, "/" + root);
        } catch (java.io.IOException e) {
            throw new OprPayloadException(OprPayloadException.Reason.MALFORMED, "", "unreadable XML", e);
        } finally {
            close(reader);
        }
    }

    /**
     * Binds the document straight into the model when its shape needs no rewrapping (OMi's two usual
     * ones: {@code {"event": [...]}} and a bare event), which costs a fraction of building a tree
     * first; every other shape, and every fault, goes through {@link #readTree}, which decides and
     * reports exactly as before.
     */
    private OprDocument readJson(byte[] document, Expect expect) {
        Class<? extends OprDocument> plain = plainShape(document, expect);
        if (plain == null) {
            return readTree(document, expect);
        }
        try {
            return uncheckedJson.readValue(document, plain);
        } catch (JacksonException e) {
            throw translate(e, "");
        }
    }

    /**
     * What the whole document binds to, found by reading its tokens without keeping them: the list
     * for an object whose only member is the items' array, the single document for an object that
     * is no wrapper. Null for any other shape, for a document that does not read cleanly, and for one
     * that names a member twice anywhere but in {@code changed_properties} ({@link JsonNameCheck}):
     * {@link #readTree} then decides and reports.
     */
    private Class<? extends OprDocument> plainShape(byte[] document, Expect expect) {
        try (JsonParser parser = scanJson.createParser(document)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Set<String> names = new HashSet<>();
            String first = null;
            JsonToken firstValue = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (!names.add(name)) {
                    return null;
                }
                JsonToken value = parser.nextToken();
                if (first == null) {
                    first = name;
                    firstValue = value;
                }
                if ((value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)
                        && !JsonNameCheck.namesAreUnique(parser, name)) {
                    return null;
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null || first == null) {
                return null;
            }
            boolean alone = names.size() == 1;
            if (alone && first.equals(expect.singleName)) {
                return firstValue == JsonToken.START_ARRAY ? expect.list : null;
            }
            return alone && first.equals(expect.listName) ? null : expect.single;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Reads a JSON document of any accepted shape through a tree; package-private as the fuzz test's reference. */
    OprDocument readTree(byte[] document, Expect expect) {
        JsonNode tree;
        try {
            tree = json.readTree(document);
        } catch (StreamConstraintsException e) {
            throw translate(e, "");
        } catch (JacksonException e) {
            throw new OprPayloadException(OprPayloadException.Reason.MALFORMED, "",
                    "malformed JSON: " + SafeXmlInput.firstLine(e.getOriginalMessage()), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new OprPayloadException(OprPayloadException.Reason.MALFORMED, "", "the body is empty");
        }
        String pointer = "";
        if (tree.isObject() && tree.size() == 1 && tree.has(expect.listName)) {
            tree = tree.get(expect.listName);
            pointer = "/" + expect.listName;
        }
        Class<? extends OprDocument> type;
        if (tree.isArray()) {
            ObjectNode wrapped = json.createObjectNode();
            wrapped.set(expect.singleName, tree);
            tree = wrapped;
            type = expect.list;
        } else if (tree.isObject() && tree.size() == 1 && tree.get(expect.singleName) != null) {
            JsonNode inner = tree.get(expect.singleName);
            if (inner.isArray() || !pointer.isEmpty()) {
                type = expect.list;
            } else if (inner.isObject()) {
                tree = inner;
                pointer = pointer + "/" + expect.singleName;
                type = expect.single;
            } else {
                throw new OprPayloadException(OprPayloadException.Reason.WRONG_DOCUMENT, "/" + expect.singleName,
                        "expected an object or an array");
            }
        } else if (tree.isObject()) {
            type = pointer.isEmpty() ? expect.single : expect.list;
        } else {
            throw new OprPayloadException(OprPayloadException.Reason.WRONG_DOCUMENT, "",
                    "expected a JSON object or array, found " + tree.getNodeType());
        }
        if (type == expect.list && !(tree.get(expect.singleName) instanceof ArrayNode)
                && tree.get(expect.singleName) == null) {
            throw new OprPayloadException(OprPayloadException.Reason.MISSING_VALUE, pointer + "/" + expect.singleName,
                    "a list needs its \"" + expect.singleName + "\" items");
        }
        try {
            return json.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw translate(e, pointer);
        }
    }

    private static OprPayloadException translate(JacksonException e, String prefix) {
        if (e instanceof StreamConstraintsException) {
            return new OprPayloadException(OprPayloadException.Reason.LIMIT_EXCEEDED, prefix,
                    SafeXmlInput.firstLine(e.getOriginalMessage()), e);
        }
        String pointer = prefix + pointerOf(e);
        if (e.getCause() instanceof XMLStreamException xmlError) {
            boolean limit = SafeXmlInput.isLimitViolation(xmlError);
            return new OprPayloadException(limit ? OprPayloadException.Reason.LIMIT_EXCEEDED
                    : OprPayloadException.Reason.MALFORMED, pointer,
                    (limit ? "" : "malformed XML: ") + SafeXmlInput.firstLine(xmlError.getMessage()), e);
        }
        if (e instanceof InvalidFormatException invalid) {
            return new OprPayloadException(OprPayloadException.Reason.INVALID_VALUE, pointer,
                    "invalid value " + quoted(invalid.getValue()) + " for " + lastName(pointer)
                            + allowedValues(invalid.getTargetType()), e);
        }
        if (e instanceof InputCoercionException) {
            return new OprPayloadException(OprPayloadException.Reason.INVALID_VALUE, pointer,
                    "value out of range for " + lastName(pointer), e);
        }
        if (e instanceof MismatchedInputException) {
            return new OprPayloadException(OprPayloadException.Reason.INVALID_VALUE, pointer,
                    "unexpected value shape for " + lastName(pointer) + ": "
                            + SafeXmlInput.firstLine(e.getOriginalMessage()), e);
        }
        if (e instanceof tools.jackson.databind.DatabindException) {
            return new OprPayloadException(OprPayloadException.Reason.INVALID_VALUE, pointer,
                    SafeXmlInput.firstLine(e.getOriginalMessage()), e);
        }
        return new OprPayloadException(OprPayloadException.Reason.MALFORMED, pointer,
                "malformed document: " + SafeXmlInput.firstLine(e.getOriginalMessage()), e);
    }

    private static String pointerOf(JacksonException e) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                pointer.append('/').append(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String lastName(String pointer) {
        int slash = pointer.lastIndexOf('/');
        String name = slash < 0 ? pointer : pointer.substring(slash + 1);
        return name.isEmpty() ? "the document" : name;
    }

    private static String quoted(Object value) {
        String text = String.valueOf(value);
        return "\"" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "\"";
    }

    private static String allowedValues(Class<?> type) {
        if (type == null || !type.isEnum()) {
            return "";
        }
        StringBuilder allowed = new StringBuilder(" (allowed: ");
        Object[] constants = type.getEnumConstants();
        for (int i = 0; i < constants.length; i++) {
            allowed.append(i == 0 ? "" : ", ").append(((Enum<?>) constants[i]).name().toLowerCase(java.util.Locale.ROOT));
        }
        return allowed.append(')').toString();
    }

    private static void close(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // Nothing was written through it; a failed close loses nothing.
        }
    }

    /** Root element names of the four documents, as OMi writes them. */
    public static Set<String> rootNames() {
        return XML_ROOTS.keySet();
    }

    static String rootNameOf(Class<? extends OprDocument> type) {
        return ROOT_NAMES.get(type);
    }
}
