package io.eventsync.gateway.opr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.gateway.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class WireFormatsTest {

    @Test
    void omiContentTypesAreXmlWhateverTheirParameters() {
        for (String type : new String[] {"application/xml", "text/xml; charset=UTF-8",
                "application/xml;type=collection", "application/atom+xml"}) {
            assertThat(WireFormats.ofRequest(headers("Content-Type", type), new byte[0])).isEqualTo(OprFormat.XML);
        }
        assertThat(WireFormats.ofRequest(headers("Content-Type", "application/json"), new byte[0]))
                .isEqualTo(OprFormat.JSON);
    }

    @Test
    void otherOrBrokenContentTypesAre415() {
        for (String type : new String[] {"text/plain", "application/octet-stream", "not a type", "*/*"}) {
            assertThatThrownBy(() -> WireFormats.ofRequest(headers("Content-Type", type), new byte[0]))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(415));
        }
    }

    @Test
    void withoutContentTypeTheFirstCharacterDecides() {
        assertThat(WireFormats.ofRequest(new HttpHeaders(), bytes("  <event/>"))).isEqualTo(OprFormat.XML);
        assertThat(WireFormats.ofRequest(new HttpHeaders(), bytes("{}"))).isEqualTo(OprFormat.JSON);
    }

    @Test
    void acceptChoosesTheAnswerFormatByQuality() {
        assertThat(WireFormats.ofAnswer(headers("Accept", "application/xml;q=0.5, application/json"), OprFormat.XML))
                .isEqualTo(OprFormat.JSON);
        assertThat(WireFormats.ofAnswer(headers("Accept", "*/*"), OprFormat.JSON)).isEqualTo(OprFormat.JSON);
        assertThat(WireFormats.ofAnswer(new HttpHeaders())).isEqualTo(OprFormat.XML);
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(name, value);
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
