package io.eventsync.contracts.opr.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.contracts.opr.ChangeOperation;
import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.PropertyChange;
import io.eventsync.contracts.opr.Priority;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec.Expect;
import io.eventsync.contracts.opr.codec.OprPayloadException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;

class OprCodecTest {

    private final OprCodec codec = OprCodec.withDefaults();

    @Test
    void readsRealisticXmlEventWithEveryModelledField() {
        OprEvent event = (OprEvent) codec.read(resource("event.xml"), OprFormat.XML, Expect.EVENTS);

        assertThat(event.id()).isEqualTo("4b3e7e0a-5d0c-71e4-0c5b-0a1e2f3b4c5d");
        assertThat(event.version()).isEqualTo(3L);
        assertThat(event.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(event.priority()).isEqualTo(Priority.HIGH);
        assertThat(event.state()).isEqualTo(State.OPEN);
        assertThat(event.closeKeyPattern()).isEqualTo("dbhost01:cpu:normal<*>");
        assertThat(event.timeCreated()).isEqualTo(OffsetDateTime.parse("2026-11-24T17:42:10.123+01:00"));
        assertThat(event.timeCreated().getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(event.duplicateCount()).isEqualTo(2L);
        assertThat(event.logOnly()).isFalse();
        assertThat(event.assignedUser().loginName()).isEqualTo("jdoe");
        assertThat(event.assignedGroup().name()).isEqualTo("DBA");
        assertThat(event.relatedCi().configurationItem().name()).isEqualTo("ORCL@dbhost01");
        assertThat(event.nodeRef().node().primaryDnsName()).isEqualTo("dbhost01.example.com");
        assertThat(event.originatingServer().ipAddress()).isEqualTo("192.0.2.10");
        assertThat(event.customAttributeList().customAttribute())
                .extracting(a -> a.name() + "=" + a.value())
                .containsExactly("Location=Berlin DC2", "Customer=ACME");
        assertThat(event.annotationList().annotation()).singleElement()
                .satisfies(a -> assertThat(a.text()).isEqualTo("Looking into it"));
        assertThat(event.other()).containsKeys("forwarding_info_list", "future_element");
    }

    @Test
    void xmlRoundTripLosesNothingIncludingUnknownElements() {
        OprEvent first = (OprEvent) codec.read(resource("event.xml"), OprFormat.XML, Expect.EVENTS);
        byte[] written = codec.write(first, OprFormat.XML);
        OprEvent second = (OprEvent) codec.read(written, OprFormat.XML, Expect.EVENTS);

        assertThat(second).isEqualTo(first);
        assertThat(new String(written, StandardCharsets.UTF_8))
                .startsWith("<event xmlns=\"http://www.hp.com/2009/software/opr/data_model\"")
                .contains("<future_element>kept as it came</future_element>")
                .contains("<custom_attribute_list><custom_attribute><name>Location</name>")
                .doesNotContain("wstxns");
    }

    @Test
    void jsonRoundTripLosesNothingIncludingUnknownProperties() {
        OprEvent first = (OprEvent) codec.read(resource("event.json"), OprFormat.JSON, Expect.EVENTS);
        OprEvent second = (OprEvent) codec.read(codec.write(first, OprFormat.JSON), OprFormat.JSON, Expect.EVENTS);

        assertThat(second).isEqualTo(first);
        assertThat(first.other()).containsEntry("future_element", Map.of("nested", "kept as it came"));
        assertThat(first.annotationList().annotation()).hasSize(1);
    }

    @Test
    void xmlAndJsonCarryTheSameEvent() {
        OprEvent fromXml = (OprEvent) codec.read(resource("event.xml"), OprFormat.XML, Expect.EVENTS);
        OprEvent viaJson = (OprEvent) codec.read(codec.write(fromXml, OprFormat.JSON), OprFormat.JSON, Expect.EVENTS);

        assertThat(viaJson).isEqualTo(fromXml);
    }

    @Test
    void readsEventListsInBothFormatsWithTheirSequenceNumbers() {
        for (OprDocument doc : new OprDocument[] {
                codec.read(resource("event_list.xml"), OprFormat.XML, Expect.EVENTS),
                codec.read(resource("event_list.json"), OprFormat.JSON, Expect.EVENTS)}) {
            assertThat(doc).isInstanceOf(OprEventList.class);
            assertThat(((OprEventList) doc).event())
                    .extracting(OprEvent::sequenceNumber, OprEvent::severity)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, Severity.MAJOR),
                            org.assertj.core.groups.Tuple.tuple(2L, Severity.CRITICAL));
        }
    }

    @Test
    void eventListWithOneItemIsStillAList() {
        String xml = "<event_list xmlns=\"http://www.hp.com/2009/software/opr/data_model\">"
                + "<event><id>a</id><sequence_number>7</sequence_number></event></event_list>";
        OprEventList list = (OprEventList) codec.read(bytes(xml), OprFormat.XML, Expect.EVENTS);

        assertThat(list.event()).singleElement().satisfies(e -> assertThat(e.sequenceNumber()).isEqualTo(7L));
        OprEventList back = (OprEventList) codec.read(codec.write(list, OprFormat.XML), OprFormat.XML, Expect.EVENTS);
        assertThat(back).isEqualTo(list);
    }

    @Test
    void acceptsEveryJsonShapeOfAnEventAndAList() {
        assertThat(codec.read(bytes("{\"event\": {\"id\": \"a\"}}"), OprFormat.JSON, Expect.EVENTS))
                .isEqualTo(OprEvent.of("a", null, null));
        OprEventList expected = new OprEventList(java.util.List.of(OprEvent.of("a", null, null)));
        assertThat(codec.read(bytes("[{\"id\": \"a\"}]"), OprFormat.JSON, Expect.EVENTS)).isEqualTo(expected);
        assertThat(codec.read(bytes("{\"event_list\": {\"event\": [{\"id\": \"a\"}]}}"), OprFormat.JSON, Expect.EVENTS))
                .isEqualTo(expected);
        assertThat(codec.read(bytes("{\"event_list\": {\"event\": {\"id\": \"a\"}}}"), OprFormat.JSON, Expect.EVENTS))
                .isEqualTo(expected);
    }

    @Test
    void missingOptionalFieldsReadAsAbsent() {
        OprEvent event = (OprEvent) codec.read(bytes("<event><id>only-id</id></event>"), OprFormat.XML, Expect.EVENTS);

        assertThat(event).isEqualTo(OprEvent.of("only-id", null, null));
        assertThat(codec.writeString(event, OprFormat.JSON)).isEqualTo("{\"id\":\"only-id\"}");
    }

    @Test
    void readsEventChangeWithTypedValuesAndListOperations() {
        OprEventChange change = (OprEventChange) codec.read(resource("event_change.xml"), OprFormat.XML,
                Expect.EVENT_CHANGES);

        assertThat(change.eventRef().targetId()).isEqualTo("4b3e7e0a-5d0c-71e4-0c5b-0a1e2f3b4c5d");
        assertThat(change.changedProperties().changes())
                .extracting(PropertyChange::element, PropertyChange::propertyName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("string_property_change", "title"),
                        org.assertj.core.groups.Tuple.tuple("state_property_change", "state"),
                        org.assertj.core.groups.Tuple.tuple("annotation_property_change", "annotation"));
        PropertyChange title = change.changedProperties().changes().get(0);
        assertThat(title.currentValue().asString()).isEqualTo("Some title for the event.");
        assertThat(title.previousValue().asString()).isEqualTo("CPU utilization exceeded 95% on dbhost01");
        PropertyChange annotation = change.changedProperties().changes().get(2);
        assertThat(annotation.changeOperation()).isEqualTo(ChangeOperation.ADD);
        assertThat(annotation.currentValue().path("annotation").path("text").asString())
                .isEqualTo("Fixed by restarting the listener");
    }

    @Test
    void eventChangeRoundTripsThroughBothFormats() {
        OprEventChange fromXml = (OprEventChange) codec.read(resource("event_change.xml"), OprFormat.XML,
                Expect.EVENT_CHANGES);
        OprEventChange viaXml = (OprEventChange) codec.read(codec.write(fromXml, OprFormat.XML), OprFormat.XML,
                Expect.EVENT_CHANGES);
        OprEventChange viaJson = (OprEventChange) codec.read(codec.write(fromXml, OprFormat.JSON), OprFormat.JSON,
                Expect.EVENT_CHANGES);

        assertThat(viaXml).isEqualTo(fromXml);
        assertThat(viaJson).isEqualTo(fromXml);
    }

    @Test
    void readsEventChangeListsInBothFormats() {
        for (OprDocument doc : new OprDocument[] {
                codec.read(resource("event_change_list.xml"), OprFormat.XML, Expect.EVENT_CHANGES),
                codec.read(resource("event_change_list.json"), OprFormat.JSON, Expect.EVENT_CHANGES)}) {
            OprEventChangeList list = (OprEventChangeList) doc;
            assertThat(list.eventChange()).extracting(c -> c.eventRef().targetId())
                    .containsExactly("11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222");
            assertThat(list.eventChange().get(0).eventRef().targetGlobalId()).isEqualTo("ext-1");
            assertThat(list.eventChange().get(0).changedProperties().changes().get(0).currentValue().asString())
                    .isEqualTo("critical");
        }
    }

    @Test
    void jsonEventChangeReadsLikeItsXmlTwin() {
        OprEventChange json = (OprEventChange) codec.read(resource("event_change.json"), OprFormat.JSON,
                Expect.EVENT_CHANGES);

        assertThat(json.changedProperties().changes()).extracting(PropertyChange::propertyName)
                .containsExactly("title", "state");
    }

    @Test
    void invalidEnumValueNamesTheFieldAndTheAllowedValues() {
        assertThatThrownBy(() -> codec.read(bytes("<event><id>a</id><severity>bad</severity></event>"),
                OprFormat.XML, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
                    assertThat(e.pointer()).isEqualTo("/event/severity");
                    assertThat(e.getMessage()).contains("\"bad\"").contains("critical");
                });
        assertThatThrownBy(() -> codec.read(bytes("{\"event\":[{\"id\":\"a\"},{\"id\":\"b\",\"state\":\"gone\"}]}"),
                OprFormat.JSON, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/event/1/state"));
    }

    @Test
    void invalidTimestampNamesTheField() {
        assertThatThrownBy(() -> codec.read(bytes("{\"id\":\"a\",\"time_created\":\"yesterday\"}"),
                OprFormat.JSON, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
                    assertThat(e.pointer()).isEqualTo("/time_created");
                });
    }

    @Test
    void refusesDoctypeSoNoExternalEntityIsEverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE event [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<event><id>&xxe;</id></event>";
        assertThatThrownBy(() -> codec.read(bytes(xxe), OprFormat.XML, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_CONSTRUCT));
    }

    @Test
    void refusesEntityExpansionBombs() {
        String lol = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<event><title>&lol3;</title></event>";
        assertThatThrownBy(() -> codec.read(bytes(lol), OprFormat.XML, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_CONSTRUCT));
    }

    @Test
    void undeclaredEntityReferenceIsMalformed() {
        assertThatThrownBy(() -> codec.read(bytes("<event><id>&xxe;</id></event>"), OprFormat.XML, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void deepNestingIsALimitNotAStackOverflow() {
        String deepXml = "<event>" + "<x>".repeat(500) + "</x>".repeat(500) + "</event>";
        String deepJson = "{\"id\":\"a\",\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
        assertThatThrownBy(() -> codec.read(bytes(deepXml), OprFormat.XML, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class,
                        e -> assertThat(e.reason()).isIn(Reason.LIMIT_EXCEEDED, Reason.MALFORMED));
        assertThatThrownBy(() -> codec.read(bytes(deepJson), OprFormat.JSON, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
    }

    @Test
    void truncatedDocumentsAreMalformed() {
        byte[] xml = resource("event.xml");
        byte[] json = resource("event.json");
        assertThatThrownBy(() -> codec.read(java.util.Arrays.copyOf(xml, xml.length / 2), OprFormat.XML, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        assertThatThrownBy(() -> codec.read(java.util.Arrays.copyOf(json, json.length / 2), OprFormat.JSON, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void duplicateJsonKeysAndTrailingGarbageAreMalformed() {
        assertThatThrownBy(() -> codec.read(bytes("{\"id\":\"a\",\"id\":\"b\"}"), OprFormat.JSON, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        assertThatThrownBy(() -> codec.read(bytes("{\"id\":\"a\"} {\"id\":\"b\"}"), OprFormat.JSON, Expect.EVENTS))
                .isInstanceOf(OprPayloadException.class);
    }

    @Test
    void wrongRootElementIsRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> codec.read(resource("event.xml"), OprFormat.XML, Expect.EVENT_CHANGES))
                .isInstanceOfSatisfying(OprPayloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_DOCUMENT);
                    assertThat(e.getMessage()).contains("<event_change>").contains("<event>");
                });
        assertThatThrownBy(() -> codec.read(bytes("\"just a string\""), OprFormat.JSON, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_DOCUMENT));
    }

    @Test
    void emptyBodyIsMalformed() {
        assertThatThrownBy(() -> codec.read(new byte[0], OprFormat.JSON, Expect.EVENTS))
                .isInstanceOf(OprPayloadException.class);
        assertThatThrownBy(() -> codec.read(new byte[0], OprFormat.XML, Expect.EVENTS))
                .isInstanceOf(OprPayloadException.class);
    }

    @Test
    void xmlWriterWritesWhatXml10CannotCarryAsReplacementCharacterAndReadsItBack() {
        // The carriage return after a control is kept: Woodstox's own handler would have replaced it too.
        OprEvent event = OprEvent.of("a", "bell\u0007 nul\u0000 fffe\uFFFE ffff\uFFFF cr\r", null);

        byte[] written = codec.write(event, OprFormat.XML);

        assertThat(new String(written, StandardCharsets.UTF_8))
                .contains("<title>bell\uFFFD nul\uFFFD fffe\uFFFD ffff\uFFFD cr&#xd;</title>")
                .doesNotContain("&#xfffe;").doesNotContain("&#xffff;");
        OprEvent back = (OprEvent) codec.read(written, OprFormat.XML, Expect.EVENTS);
        assertThat(back).isEqualTo(OprEvent.of("a", "bell\uFFFD nul\uFFFD fffe\uFFFD ffff\uFFFD cr\r", null));
        assertThat(codec.read(codec.write(event, OprFormat.JSON), OprFormat.JSON, Expect.EVENTS)).isEqualTo(event);
    }

    @Test
    void jsonDocumentWithControlsAndLoneSurrogatesIsStillWrittenAsXmlWithReplacements() {
        // JSON escapes carry what XML cannot, in modelled fields, unknown members and change values alike.
        String json = "{\"id\":\"a\",\"event_ref\":{\"target_id\":\"t\\u0001\"},\"x_extra\":\"x\\u001f\\uD800y\","
                + "\"changed_properties\":{\"string_property_change\":{\"property_name\":\"title\","
                + "\"current_value\":\"\\uDC00\\u0008\\uD83D\\uDE00\",\"previous_value\":{\"x_k\":\"\\uFFFF\"}}}}";
        OprEventChange change = (OprEventChange) codec.read(bytes(json), OprFormat.JSON, Expect.EVENT_CHANGES);

        OprEventChange back = (OprEventChange) codec.read(codec.write(change, OprFormat.XML), OprFormat.XML,
                Expect.EVENT_CHANGES);

        assertThat(back.eventRef().targetId()).isEqualTo("t\uFFFD");
        assertThat(back.other()).containsEntry("x_extra", "x\uFFFD\uFFFDy");
        PropertyChange title = back.changedProperties().changes().get(0);
        assertThat(title.currentValue().asString()).isEqualTo("\uFFFD\uFFFD\uD83D\uDE00");
        assertThat(title.previousValue().path("x_k").asString()).isEqualTo("\uFFFD");
    }

    @Test
    void jsonMemberNamesThatAreNoXmlNamesAreWrittenToXmlEncodedAndReadBackAsTheyWere() {
        String json = "{\"id\":\"a\",\"title\":\"t\",\"x y\":\"spaced\",\"1st\":\"digit first\","
                + "\"future_element\":{\"a<b\":\"angled\",\"kept_as_is\":\"plain\"}}";
        OprEvent event = (OprEvent) codec.read(bytes(json), OprFormat.JSON, Expect.EVENTS);

        byte[] written = codec.write(event, OprFormat.XML);

        assertThat(new String(written, StandardCharsets.UTF_8))
                .contains("<kept_as_is>plain</kept_as_is>").contains("<future_element>")
                .doesNotContain("<x y>").doesNotContain("<1st>").doesNotContain("<a<b>")
                .contains("base64_tag_");
        assertThat(codec.read(written, OprFormat.XML, Expect.EVENTS)).isEqualTo(event);
    }

    /** The prefix of the JSON and XML documents below; the bad bytes start right after it. */
    private static final String JSON_BEFORE = "{\"id\":\"a\",\"title\":\"..";
    private static final String XML_BEFORE = "<event><id>a</id><title>..";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "overlong '/' in two bytes | C0AF",
            "overlong '/' with C1 | C1AF",
            "overlong '/' in three bytes | E080AF",
            "overlong '/' in four bytes | F08080AF",
            "high surrogate encoded in UTF-8 | EDA080",
            "low surrogate encoded in UTF-8 | EDB080",
            "CESU-8 pair for U+1F600 | EDA0BDEDB880",
            "above U+10FFFF | F4908080",
            "lead byte F5 | F5808080",
            "byte FF | FF",
            "continuation byte alone | 80",
            "two-byte sequence cut | C32E",
            "three-byte sequence cut | E2822E"})
    void jsonThatIsNotWellFormedUtf8IsRefusedAsMalformedBeforeParsing(String what, String hex) {
        byte[] document = concat(bytes(JSON_BEFORE), HexFormat.of().parseHex(hex), bytes("..\"}"));

        assertThatThrownBy(() -> codec.read(document, OprFormat.JSON, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                    assertThat(e.pointer()).isEmpty();
                    assertThat(e.getMessage()).contains("not well-formed UTF-8 at byte " + JSON_BEFORE.length());
                });
    }

    @Test
    void jsonCutInsideACharacterAtTheEndIsRefusedAsNotUtf8() {
        byte[] document = concat(bytes(JSON_BEFORE), HexFormat.of().parseHex("F09F98"));

        assertThatThrownBy(() -> codec.read(document, OprFormat.JSON, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                    assertThat(e.getMessage()).contains("not well-formed UTF-8 at byte " + JSON_BEFORE.length());
                });
    }

    @Test
    void jsonWithWellFormedMultibyteUtf8IsRead() {
        // é, €, U+1F600, the noncharacter U+FFFE and U+10FFFF: all well-formed, at the edges of each length.
        byte[] document = concat(bytes(JSON_BEFORE), HexFormat.of().parseHex("C3A9E282ACF09F9880EFBFBEF48FBFBF"),
                bytes("..\"}"));

        OprEvent event = (OprEvent) codec.read(document, OprFormat.JSON, Expect.EVENTS);

        assertThat(event.title()).isEqualTo("..\u00E9\u20AC\uD83D\uDE00\uFFFE\uDBFF\uDFFF..");
    }

    @Test
    void theJsonMapperHandedOutRefusesMalformedUtf8FromArraysAndStreams() {
        // The gateway reads POST /sync-back bodies with it, and the Kafka serdes their values.
        byte[] overlong = concat(bytes(JSON_BEFORE), new byte[] {(byte) 0xC0, (byte) 0xAF}, bytes("..\"}"));

        assertThatThrownBy(() -> codec.jsonMapper().readTree(overlong))
                .isInstanceOf(StreamReadException.class).hasMessageContaining("not well-formed UTF-8");
        assertThatThrownBy(() -> codec.jsonMapper().readTree(new ByteArrayInputStream(overlong)))
                .isInstanceOf(StreamReadException.class).hasMessageContaining("not well-formed UTF-8");
        assertThat(codec.jsonMapper().readTree(new ByteArrayInputStream(bytes("{\"title\":\"\u00E9\"}")))
                .path("title").asString()).isEqualTo("\u00E9");
    }

    @Test
    void aJsonStreamLongerThanTheDocumentLimitIsStillALimit() {
        OprCodec small = new OprCodec(new OprLimits(8, 1_000, 64));
        byte[] document = bytes("{\"title\":\"" + "t".repeat(100) + "\"}");

        assertThatThrownBy(() -> small.jsonMapper().readTree(new ByteArrayInputStream(document)))
                .isInstanceOf(StreamConstraintsException.class);
    }

    /**
     * Woodstox alone refused surrogates, code points above U+10FFFF and cut sequences, but read the
     * overlong forms as the characters they stand for ({@code C0 AF} as {@code /}).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "overlong '/' in two bytes | C0AF",
            "overlong '/' in three bytes | E080AF",
            "overlong '/' in four bytes | F08080AF",
            "overlong '<' in two bytes | C1BC",
            "high surrogate encoded in UTF-8 | EDA080",
            "above U+10FFFF | F4908080",
            "two-byte sequence cut | C32E"})
    void xmlInUtf8ThatIsNotWellFormedIsRefusedAsMalformed(String what, String hex) {
        byte[] bad = HexFormat.of().parseHex(hex);
        String declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        byte[] undeclared = concat(bytes(XML_BEFORE), bad, bytes("..</title></event>"));
        byte[] declared = concat(bytes(declaration + XML_BEFORE), bad, bytes("..</title></event>"));

        assertThatThrownBy(() -> codec.read(undeclared, OprFormat.XML, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                    assertThat(e.getMessage()).contains("not well-formed UTF-8 at byte " + XML_BEFORE.length());
                });
        assertThatThrownBy(() -> codec.read(declared, OprFormat.XML, Expect.EVENTS))
                .isInstanceOfSatisfying(OprPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void xmlInAnotherDeclaredEncodingIsReadByThatEncoding() {
        byte[] latin1 = concat(bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + XML_BEFORE),
                new byte[] {(byte) 0xC0, (byte) 0xAF}, bytes("..</title></event>"));

        OprEvent event = (OprEvent) codec.read(latin1, OprFormat.XML, Expect.EVENTS);

        assertThat(event.title()).isEqualTo("..\u00C0\u00AF..");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) {
        try (InputStream in = OprCodecTest.class.getResourceAsStream("/opr/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
