package io.eventsync.simulators.omi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** OMi's own copy of an event after changes, against hand-written events. */
class ChangeApplicationTest {

    private static OprNode xml(String body) {
        return OprXml.read(("<event xmlns=\"http://www.hp.com/2009/software/opr/data_model\">" + body + "</event>")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void scalarsAreSetAndUnsetInDocumentOrder() {
        OprNode before = xml("<id>e-1</id><title>old</title><severity>major</severity><description>gone soon</description>");
        OmiChange change = OmiChange.of("c", "e-1", OmiChange.scalar("title", "first", "old"),
                OmiChange.scalar("severity", "critical", "major"), OmiChange.scalar("title", "second", "first"),
                OmiChange.scalar("description", null, "gone soon"), OmiChange.scalar("state", "closed", null));
        assertThat(ChangeApplication.apply(before, change))
                .isEqualTo(xml("<id>e-1</id><title>second</title><severity>critical</severity><state>closed</state>"));
    }

    @Test
    void listEntriesAreAddedUpdatedAndRemovedByTheirKey() {
        OprNode before = xml("<id>e-1</id><custom_attribute_list>"
                + "<custom_attribute><name>A</name><value>1</value></custom_attribute>"
                + "<custom_attribute><name>B</name><value>2</value></custom_attribute></custom_attribute_list>");
        OmiChange change = OmiChange.of("c", "e-1",
                OmiChange.listEntry("custom_attribute", "update", xml("<name>A</name><value>10</value>")),
                OmiChange.listEntry("custom_attribute", "remove", xml("<name>B</name>")),
                OmiChange.listEntry("custom_attribute", "add", xml("<name>C</name><value>3</value>")),
                OmiChange.listEntry("annotation", "add", xml("<id>n1</id><text>looking</text>")));
        assertThat(ChangeApplication.apply(before, change)).isEqualTo(xml("<id>e-1</id><custom_attribute_list>"
                + "<custom_attribute><name>A</name><value>10</value></custom_attribute>"
                + "<custom_attribute><name>C</name><value>3</value></custom_attribute></custom_attribute_list>"
                + "<annotation_list><annotation><id>n1</id><text>looking</text></annotation></annotation_list>"));
    }

    @Test
    void aStructuredPropertyTakesItsNewValueWhole() {
        OprNode before = xml("<id>e-1</id><assigned_user><id>7</id><login_name>jdoe</login_name></assigned_user>");
        OmiChange change = OmiChange.of("c", "e-1", OmiChange.structured("assigned_user",
                xml("<id>8</id><login_name>asmith</login_name>")));
        assertThat(ChangeApplication.apply(before, change))
                .isEqualTo(xml("<id>e-1</id><assigned_user><id>8</id><login_name>asmith</login_name></assigned_user>"));
    }
}
