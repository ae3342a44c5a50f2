package io.eventsync.contracts.opr.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.xml.XmlNameProcessor.XmlName;
import tools.jackson.dataformat.xml.XmlNameProcessors;

/** The check in front writes every name exactly as Jackson's Base64 processor alone would. */
class XmlNamesTest {

    private static final List<String> NAMES = List.of("title", "time_created", "custom_attribute_list", "_x",
            "a-b", "a.b", "ns:a", "x y", "1st", "-a", "a<b", "é", "Ünïcode", "", "base64_tag_eCB5", "a\u0000");

    @Test
    void encodesLikeTheBase64ProcessorAloneAndOnlyWhatItWouldChange() {
        XmlNames names = new XmlNames();
        for (String local : NAMES) {
            XmlName ours = name(local);
            XmlName theirs = name(local);
            names.encodeName(ours);
            XmlNameProcessors.newBase64Processor().encodeName(theirs);
            assertThat(ours.localPart).as(local).isEqualTo(theirs.localPart);
        }
        assertThat(XmlNames.isPlain("time_created")).isTrue();
        assertThat(XmlNames.isPlain("x y")).isFalse();
    }

    private static XmlName name(String local) {
        XmlName name = new XmlName();
        name.localPart = local;
        return name;
    }
}
