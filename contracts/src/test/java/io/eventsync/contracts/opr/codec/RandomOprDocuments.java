package io.eventsync.contracts.opr.codec;

import io.eventsync.contracts.opr.Annotation;
import io.eventsync.contracts.opr.AnnotationList;
import io.eventsync.contracts.opr.ChangeOperation;
import io.eventsync.contracts.opr.ChangedProperties;
import io.eventsync.contracts.opr.ConfigurationItem;
import io.eventsync.contracts.opr.CustomAttribute;
import io.eventsync.contracts.opr.CustomAttributeList;
import io.eventsync.contracts.opr.EventRef;
import io.eventsync.contracts.opr.NodeRef;
import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.OprGroup;
import io.eventsync.contracts.opr.OprNode;
import io.eventsync.contracts.opr.OprServer;
import io.eventsync.contracts.opr.OprUser;
import io.eventsync.contracts.opr.Priority;
import io.eventsync.contracts.opr.PropertyChange;
import io.eventsync.contracts.opr.RelatedCi;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid OPR documents built from the model, every optional part sometimes absent. Text is any
 * sequence of Unicode scalar values (controls, XML and JSON specials, astral planes included);
 * lone surrogates are left out because they are not text and no encoder can write them.
 */
final class RandomOprDocuments {

    /** The four documents and the {@link OprCodec.Expect} each is read with. */
    enum Kind {
        EVENT(OprCodec.Expect.EVENTS, "event"),
        EVENT_LIST(OprCodec.Expect.EVENTS, "event_list"),
        EVENT_CHANGE(OprCodec.Expect.EVENT_CHANGES, "event_change"),
        EVENT_CHANGE_LIST(OprCodec.Expect.EVENT_CHANGES, "event_change_list");

        final OprCodec.Expect expect;
        final String resourceName;

        Kind(OprCodec.Expect expect, String resourceName) {
            this.expect = expect;
            this.resourceName = resourceName;
        }
    }

    private static final String[] PROPERTY_NAMES = {"title", "description", "severity", "priority", "state",
            "custom_attribute", "annotation", "assigned_user", "assigned_group"};

    /** What text may hold: anything, only what XML 1.0 can carry, or anything with the rest replaced. */
    private enum Characters {
        ANY, XML_ONLY, XML_REPLACED
    }

    private final Random random;
    private final Characters characters;

    /** Any text at all: what the round trip is held to. */
    RandomOprDocuments(Random random) {
        this(random, Characters.ANY);
    }

    /**
     * With {@code xmlCharactersOnly}, text keeps to what XML 1.0 can carry (no C0 controls but tab,
     * line feed and carriage return; no U+FFFE, U+FFFF), drawing again for any other character.
     */
    RandomOprDocuments(Random random, boolean xmlCharactersOnly) {
        this(random, xmlCharactersOnly ? Characters.XML_ONLY : Characters.ANY);
    }

    private RandomOprDocuments(Random random, Characters characters) {
        this.random = random;
        this.characters = characters;
    }

    /**
     * Given a random in the same state, the same documents as {@link #RandomOprDocuments(Random)}
     * with every character XML 1.0 cannot carry replaced by U+FFFD: what the XML writer must make
     * of them. It draws exactly as that one does, so the two differ in those characters only.
     */
    static RandomOprDocuments asWrittenToXml(Random random) {
        return new RandomOprDocuments(random, Characters.XML_REPLACED);
    }

    OprDocument of(Kind kind) {
        switch (kind) {
            case EVENT:
                return event();
            case EVENT_LIST:
                return new OprEventList(listOf(4, this::eventInList));
            case EVENT_CHANGE:
                return eventChange();
            default:
                return new OprEventChangeList(listOf(3, this::eventChange));
        }
    }

    OprEvent event() {
        return new OprEvent(maybe(this::text), maybe(this::number), maybe(this::number), maybe(this::text),
                maybe(this::text), maybe(() -> oneOf(Severity.values())), maybe(() -> oneOf(Priority.values())),
                maybe(() -> oneOf(State.values())), maybe(this::text), maybe(this::text), maybe(this::text),
                maybe(this::text), maybe(this::text), maybe(this::text), maybe(this::text), maybe(this::time),
                maybe(this::time), maybe(this::time), maybe(this::number), maybe(random::nextBoolean),
                maybe(random::nextBoolean), maybe(random::nextBoolean),
                maybe(() -> new OprUser(maybe(this::text), maybe(this::text), maybe(this::text))),
                maybe(() -> new OprGroup(maybe(this::text), maybe(this::text), maybe(this::text))),
                maybe(() -> new RelatedCi(maybe(() -> new ConfigurationItem(maybe(this::text), maybe(this::text),
                        maybe(this::text), maybe(this::text))))),
                maybe(() -> new NodeRef(maybe(() -> new OprNode(maybe(this::text), maybe(this::text),
                        maybe(this::text), maybe(this::text))))),
                maybe(this::server), maybe(this::server),
                maybe(() -> (JsonNode) JsonNodeFactory.instance.stringNode(text())), maybe(this::text), maybe(this::text),
                maybe(() -> new CustomAttributeList(listOf(3,
                        () -> new CustomAttribute(maybe(this::text), maybe(this::text))))),
                maybe(() -> new AnnotationList(listOf(3, () -> new Annotation(maybe(this::text), maybe(this::text),
                        maybe(this::time), maybe(this::text))))),
                unknownElements());
    }

    /** Bulk events carry a sequence number, as OMi sends them. */
    private OprEvent eventInList() {
        return event().withSequenceNumber(number());
    }

    OprEventChange eventChange() {
        return new OprEventChange(maybe(this::text), maybe(this::number),
                maybe(() -> new EventRef(maybe(this::text), maybe(this::text), maybe(this::text), maybe(this::text))),
                maybe(this::changedProperties), unknownElements());
    }

    /**
     * Changes of one type come out next to each other: the serializer groups them under one name
     * (JSON objects cannot repeat a key), so that grouped order is the form that can round-trip.
     */
    private ChangedProperties changedProperties() {
        List<PropertyChange> changes = new ArrayList<>();
        int groups = random.nextInt(4);
        List<String> used = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            String property = random.nextBoolean() ? oneOf(PROPERTY_NAMES) : name();
            if (used.contains(property)) {
                continue;
            }
            used.add(property);
            int inGroup = 1 + random.nextInt(2);
            for (int i = 0; i < inGroup; i++) {
                changes.add(new PropertyChange(PropertyChange.elementFor(property), property, maybe(this::value),
                        maybe(this::value), maybe(() -> oneOf(ChangeOperation.values()))));
            }
        }
        return new ChangedProperties(changes);
    }

    private JsonNode value() {
        if (random.nextInt(3) > 0) {
            return JsonNodeFactory.instance.stringNode(text());
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        int fields = 1 + random.nextInt(2);
        for (int i = 0; i < fields; i++) {
            object.put(name(), text());
        }
        return object;
    }

    private OprServer server() {
        return new OprServer(maybe(this::text), maybe(this::text), maybe(this::text));
    }

    /** Elements the model does not name, which both formats must carry back as they came. */
    private Map<String, Object> unknownElements() {
        Map<String, Object> other = new LinkedHashMap<>();
        int count = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < count; i++) {
            if (random.nextBoolean()) {
                other.put(name(), text());
            } else {
                Map<String, Object> nested = new LinkedHashMap<>();
                nested.put(name(), text());
                other.put(name(), nested);
            }
        }
        return other;
    }

    /** An XML-safe element name no model class uses, so it lands in {@code other}. */
    String name() {
        StringBuilder name = new StringBuilder("x_");
        int length = 1 + random.nextInt(10);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_";
        for (int i = 0; i < length; i++) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    String text() {
        int length = random.nextInt(8) == 0 ? random.nextInt(200) : random.nextInt(24);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int codePoint = codePoint();
            while (characters == Characters.XML_ONLY && !inXml10(codePoint)) {
                codePoint = codePoint();
            }
            text.appendCodePoint(characters == Characters.XML_REPLACED && !inXml10(codePoint) ? 0xfffd : codePoint);
        }
        return text.toString();
    }

    private static boolean inXml10(int codePoint) {
        return codePoint >= 0x20 ? codePoint != 0xfffe && codePoint != 0xffff
                : codePoint == '\t' || codePoint == '\n' || codePoint == '\r';
    }

    private int codePoint() {
        switch (random.nextInt(10)) {
            case 0:
                return "<>&'\"]]>;#".charAt(random.nextInt(10));
            case 1:
                return " \t\n\r".charAt(random.nextInt(4));
            case 2:
                return random.nextInt(0x20);
            case 3:
                return oneOf(new Integer[] {0x7f, 0x85, 0x9f, 0xa0, 0x2028, 0x2029, 0xfeff, 0xfffe, 0xffff, 0xfdd0,
                        0x1fffe, 0x10ffff});
            case 4:
                int bmp = random.nextInt(0x10000);
                return bmp >= 0xd800 && bmp <= 0xdfff ? 'x' : bmp;
            case 5:
                return 0x10000 + random.nextInt(0x100000);
            case 6:
                return "\\/{}[]:,".charAt(random.nextInt(8));
            default:
                return 0x20 + random.nextInt(0x5f);
        }
    }

    private Long number() {
        switch (random.nextInt(6)) {
            case 0:
                return oneOf(new Long[] {0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE});
            case 1:
                return random.nextLong();
            default:
                return (long) random.nextInt(100_000);
        }
    }

    private OffsetDateTime time() {
        int nanos = random.nextInt(3) == 0 ? 0 : random.nextBoolean() ? random.nextInt(1000) * 1_000_000
                : random.nextInt(1_000_000_000);
        ZoneOffset offset = random.nextInt(3) == 0 ? ZoneOffset.UTC
                : ZoneOffset.ofTotalSeconds((random.nextInt(18 * 4 * 2 + 1) - 18 * 4) * 15 * 60);
        return OffsetDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60), nanos, offset);
    }

    private <T> List<T> listOf(int max, Supplier<T> item) {
        int size = random.nextInt(max + 1);
        List<T> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(item.get());
        }
        return items;
    }

    private <T> T maybe(Supplier<T> value) {
        return random.nextInt(3) == 0 ? null : value.get();
    }

    private <T> T oneOf(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
