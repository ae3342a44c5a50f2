package io.eventsync.simulators.omi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's documents against hand-written ones: what OMi writes, and the answers it can read. */
class OprDocumentsTest {

    static final OprNode DISK = OprNode.branch("event",
            OprNode.leaf("id", "e-1"), OprNode.leaf("title", "Disk /var 91% full"), OprNode.leaf("severity", "major"));
    static final OprNode HTTPD = OprNode.branch("event",
            OprNode.leaf("id", "e-2"), OprNode.leaf("title", "Service <httpd> down & out"),
            OprNode.branch("custom_attribute_list", OprNode.branch("custom_attribute",
                    OprNode.leaf("name", "Location"), OprNode.leaf("value", "Berlin"))));

    static OprNode numberedList() {
        return OprNode.branch("event_list",
                OprNode.branch("event", OprNode.leaf("id", "e-1"), OprNode.leaf("sequence_number", "1"),
                        OprNode.leaf("title", "Disk /var 91% full"), OprNode.leaf("severity", "major")),
                OprNode.branch("event", OprNode.leaf("id", "e-2"), OprNode.leaf("sequence_number", "2"),
                        OprNode.leaf("title", "Service <httpd> down & out"),
                        HTTPD.child("custom_attribute_list").orElseThrow()));
    }

    @Test
    void anEventListIsWrittenInTheOprNamespaceAsOmiWritesIt() {
        assertThat(new String(OprXml.write(numberedList()), StandardCharsets.UTF_8))
                .isEqualTo(resource("event_list.xml"));
    }

    @Test
    void anEventListIsWrittenInBothJsonShapes() {
        assertThat(new String(OprJson.write(numberedList(), OprJson.Shape.WRAPPED, "event"), StandardCharsets.UTF_8))
                .isEqualTo(resource("event_list-wrapped.json"));
        assertThat(new String(OprJson.write(numberedList(), OprJson.Shape.BARE, "event"), StandardCharsets.UTF_8))
                .isEqualTo(resource("event_list-bare.json"));
    }

    @Test
    void whatIsWrittenReadsBackTheSameInEveryFormat() {
        assertThat(OprXml.read(resource("event_list.xml").getBytes(StandardCharsets.UTF_8))).isEqualTo(numberedList());
        assertThat(OprJson.read(resource("event_list-bare.json").getBytes(StandardCharsets.UTF_8), "event_list", "event"))
                .isEqualTo(numberedList());
        assertThat(OprJson.read(resource("event_list-wrapped.json").getBytes(StandardCharsets.UTF_8), "event_list",
                "event")).isEqualTo(numberedList());
    }

    @Test
    void answersAreReadWhateverPrefixAttributesOrShapeTheyCome() {
        String prefixed = """
                <?xml version="1.0"?>
                <opr:event_list xmlns:opr="http://www.hp.com/2009/software/opr/data_model" version="1.4">
                  <opr:event type="urn:x-hp:2009:software:data_model:opr:type:event">
                    <opr:id>ext-1</opr:id>
                    <opr:sequence_number>1</opr:sequence_number>
                  </opr:event>
                </opr:event_list>""";
        OprNode read = OprXml.read(prefixed.getBytes(StandardCharsets.UTF_8));
        assertThat(read).isEqualTo(OprNode.branch("event_list", OprNode.branch("event",
                OprNode.leaf("id", "ext-1"), OprNode.leaf("sequence_number", "1"))));
        OprNode expected = OprNode.branch("event_list", OprNode.branch("event",
                OprNode.leaf("id", "ext-1"), OprNode.leaf("sequence_number", "1")));
        for (String json : List.of("[{\"id\":\"ext-1\",\"sequence_number\":1}]",
                "{\"event\":[{\"id\":\"ext-1\",\"sequence_number\":1}]}",
                "{\"event\":{\"id\":\"ext-1\",\"sequence_number\":\"1\"}}",
                "{\"event_list\":{\"event\":[{\"id\":\"ext-1\",\"sequence_number\":1}]}}")) {
            assertThat(OprJson.read(json.getBytes(StandardCharsets.UTF_8), "event_list", "event")).as(json)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aDoctypeInAnAnswerIsRefusedNotExpanded() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE event [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<event><id>&x;</id></event>";
        assertThatThrownBy(() -> OprXml.read(hostile.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangeIsWrittenWithItsEventRefAndTypedPropertyChanges() {
        OmiChange change = OmiChange.of("c-1", "e-1",
                OmiChange.scalar("severity", "critical", "major"),
                OmiChange.listEntry("custom_attribute", "add", OprNode.branch("custom_attribute",
                        OprNode.leaf("name", "Ticket"), OprNode.leaf("value", "INC-7"))));
        OprNode ref = OprNode.branch("event_ref", OprNode.leaf("target_id", "e-1"),
                OprNode.leaf("target_global_id", "ext-e-1"));
        OprNode list = OprNode.branch("event_change_list", change.document(ref, 1L));
        assertThat(new String(OprXml.write(list), StandardCharsets.UTF_8)).isEqualTo(resource("event_change_list.xml"));
    }

    @Test
    void aStreamedJsonChangeNamesARepeatedPropertyChangeTwiceInDocumentOrder() {
        OmiChange change = OmiChange.of("c-3", "e-1", OmiChange.scalar("title", "first", null),
                OmiChange.scalar("severity", "critical", null), OmiChange.scalar("title", "second", null));
        OprNode ref = OprNode.branch("event_ref", OprNode.leaf("target_id", "e-1"),
                OprNode.leaf("target_global_id", "ext-e-1"));
        assertThat(new String(WireFormat.JSON_STREAMED.write(change.document(ref, null), null), StandardCharsets.UTF_8))
                .isEqualTo(resource("event_change-streamed.json"));
    }

    static String resource(String name) {
        try (InputStream in = OprDocumentsTest.class.getResourceAsStream("/omi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
