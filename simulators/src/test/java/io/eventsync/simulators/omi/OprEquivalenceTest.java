package io.eventsync.simulators.omi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** When two documents carry the same OPR data, and when not. */
class OprEquivalenceTest {

    private static OprNode xml(String body) {
        return OprXml.read(("<event xmlns=\"http://www.hp.com/2009/software/opr/data_model\">" + body + "</event>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static OprNode json(String body) {
        return OprJson.read(body.getBytes(StandardCharsets.UTF_8), "event", null);
    }

    @Test
    void typedValuesAreComparedAsTheirTypes() {
        OprNode sent = xml("<id>1</id><sequence_number>4</sequence_number><severity>Critical</severity>"
                + "<time_created>2026-12-01T10:00:00</time_created><duplicate_count>05</duplicate_count>"
                + "<log_only>TRUE</log_only><title>Disk</title>");
        OprNode stored = json("{\"title\":\"Disk\",\"id\":\"1\",\"severity\":\"critical\","
                + "\"time_created\":\"2026-12-01T11:00:00+01:00\",\"duplicate_count\":5,\"log_only\":true}");
        assertThat(OprEquivalence.differences(sent, stored)).isEmpty();
    }

    @Test
    void aChangedTextALostElementOrAReorderedListIsADifference() {
        OprNode sent = xml("<id>1</id><title>Disk</title><description>d</description><custom_attribute_list>"
                + "<custom_attribute><name>A</name></custom_attribute><custom_attribute><name>B</name></custom_attribute>"
                + "</custom_attribute_list>");
        OprNode stored = json("{\"id\":\"1\",\"title\":\"disk\",\"custom_attribute_list\":{\"custom_attribute\":"
                + "[{\"name\":\"B\"},{\"name\":\"A\"}]}}");
        assertThat(OprEquivalence.differences(sent, stored)).containsExactly(
                "/event/title: expected \"Disk\" but found \"disk\"",
                "/event/description: expected 1 but found 0 ([])",
                "/event/custom_attribute_list/custom_attribute[0]/name: expected \"A\" but found \"B\"",
                "/event/custom_attribute_list/custom_attribute[1]/name: expected \"B\" but found \"A\"");
    }

    @Test
    void aStructuredElementKeptAsAnEmptyTextIsADifference() {
        OprNode sent = xml("<id>1</id><control_transferred_to><dns_name>sm</dns_name></control_transferred_to>");
        OprNode stored = json("{\"id\":\"1\",\"control_transferred_to\":\"\"}");
        assertThat(OprEquivalence.differences(sent, stored)).hasSize(1);
    }
}
