package io.eventsync.egress.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.egress.entity.EventView;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PayloadTemplateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Seed 002's first sample payload, as sent: base64 of a JSON-ish template with CRLF line ends. */
    private static final String SEED_PAYLOAD = "ew0KInN1YmplY3QiOiIkaW5jaWRlbnQuc3ViamVjdCIsDQoiZGVzY3JpcHRpb24iOiIkaW5jaW"
            + "RlbnQuaW1wYWN0IiwNCiJwcmlvcml0eSI6IiRpbmNpZGVudC5wcmlvcml0eS5uYW1lIg0KInN0YXV0cyI6ImhpZ2giDQp9";

    @Test
    void theSeedsOwnTemplateRendersItsPlaceholdersAndLeavesTheRestAsWritten() {
        String text = new String(Base64.getDecoder().decode(SEED_PAYLOAD), StandardCharsets.UTF_8);
        PayloadTemplate template = PayloadTemplate.parse(text, PayloadFormat.of(null, text));

        String rendered = template.render(view("""
                {"subject": "Disk full", "priority": {"name": "High"}}"""));

        assertThat(template.format()).isEqualTo(PayloadFormat.JSON);
        assertThat(template.placeholders()).containsExactly("subject", "impact", "priority.name");
        // The seed's template lacks a comma before "stauts": it is sent as written, not repaired.
        assertThat(rendered).isEqualTo("{\r\n\"subject\":\"Disk full\",\r\n\"description\":\"\",\r\n"
                + "\"priority\":\"High\"\r\n\"stauts\":\"high\"\r\n}");
    }

    @Test
    void anEventCannotAddStructureToAJsonPayload() {
        PayloadTemplate template = PayloadTemplate.parse("{\"subject\":\"$alert.subject\",\"app\":\"OMi\"}",
                PayloadFormat.JSON);
        String hostile = "x\",\"app\":\"evil\",\"z\":\"\\\n\u0001";

        String rendered = template.render(view(JSON.createObjectNode().put("subject", hostile).toString()));

        JsonNode parsed = JSON.readTree(rendered);
        assertThat(parsed.properties()).hasSize(2);
        assertThat(parsed.path("subject").asString()).isEqualTo(hostile);
        assertThat(parsed.path("app").asString()).isEqualTo("OMi");
    }

    @Test
    void outsideAStringNumbersAndBooleansStayAndTheRestIsQuotedOrNull() {
        PayloadTemplate template = PayloadTemplate.parse(
                "{\"count\": $alert.count, \"up\": $alert.up, \"name\": $alert.name, \"gone\": $alert.gone,"
                        + " \"tags\": $alert.tags}", PayloadFormat.JSON);

        String rendered = template.render(view("""
                {"count": 3, "up": true, "name": "db01 } ]", "tags": ["a", "b"]}"""));

        JsonNode parsed = JSON.readTree(rendered);
        assertThat(parsed.path("count").isNumber()).isTrue();
        assertThat(parsed.path("up").isBoolean()).isTrue();
        assertThat(parsed.path("name").asString()).isEqualTo("db01 } ]");
        assertThat(parsed.path("gone").isNull()).isTrue();
        assertThat(parsed.path("tags").asString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void escapedQuotesInTheTemplateDoNotConfuseWhereStringsAre() {
        PayloadTemplate template = PayloadTemplate.parse("{\"a\":\"say \\\"$alert.x\\\"\", \"b\": $alert.x}",
                PayloadFormat.JSON);
        String rendered = template.render(view("{\"x\": \"q\\\"uote\"}"));
        JsonNode parsed = JSON.readTree(rendered);
        assertThat(parsed.path("a").asString()).isEqualTo("say \"q\"uote\"");
        assertThat(parsed.path("b").asString()).isEqualTo("q\"uote");
    }

    @Test
    void xmlValuesAreEscapedAndControlCharactersDropped() {
        PayloadTemplate template = PayloadTemplate.parse("<alert subject=\"$alert.subject\">$alert.subject</alert>",
                PayloadFormat.XML);
        String rendered = template.render(view(JSON.createObjectNode()
                .put("subject", "<b a='1'>&\"\u0001</b>").toString()));
        assertThat(rendered).isEqualTo("<alert subject=\"&lt;b a=&apos;1&apos;&gt;&amp;&quot;&lt;/b&gt;\">"
                + "&lt;b a=&apos;1&apos;&gt;&amp;&quot;&lt;/b&gt;</alert>");
    }

    @Test
    void whatXmlCannotCarryIsDroppedAndSurrogatePairsKept() {
        PayloadTemplate template = PayloadTemplate.parse("<a>$alert.subject</a>", PayloadFormat.XML);
        String value = "x\uFFFE\uFFFFy\uD800z\uDC00\uD83D\uDE00\u0008\t";
        assertThat(template.render(view(JSON.createObjectNode().put("subject", value).toString())))
                .isEqualTo("<a>xyz\uD83D\uDE00\t</a>");
    }

    @Test
    void aTemplateThatStartsWithAByteOrderMarkIsJsonAndRenderedWithoutIt() {
        String text = "\uFEFF{\"subject\":\"$alert.subject\"}";
        PayloadTemplate template = PayloadTemplate.parse(text, PayloadFormat.of(null, text));
        assertThat(template.format()).isEqualTo(PayloadFormat.JSON);
        assertThat(template.render(view(JSON.createObjectNode().put("subject", "\",\"admin\":true").toString())))
                .isEqualTo("{\"subject\":\"\\\",\\\"admin\\\":true\"}");
        assertThat(template.text()).as("kept as given, for the answer's eventPayload").startsWith("\uFEFF");
    }

    @Test
    void textIsRenderedAsIsAndMissingValuesAsNothing() {
        PayloadTemplate template = PayloadTemplate.parse("Alert $alert.subject on $alert.host.", PayloadFormat.TEXT);
        assertThat(template.render(view("{\"subject\": \"a \\\"b\\\"\"}"))).isEqualTo("Alert a \"b\" on .");
    }

    @Test
    void dollarsThatAreNoPlaceholderStayText() {
        PayloadTemplate template = PayloadTemplate.parse("{\"price\":\"$5.00\",\"v\":\"$version.major\",\"s\":\"$alert\"}",
                PayloadFormat.JSON);
        assertThat(template.placeholders()).isEmpty();
        assertThat(template.render(view("{}"))).isEqualTo("{\"price\":\"$5.00\",\"v\":\"$version.major\",\"s\":\"$alert\"}");
    }

    @Test
    void theFormatComesFromContentTypeThenFromTheTemplate() {
        assertThat(PayloadFormat.of("application/json; charset=utf-8", "<x/>")).isEqualTo(PayloadFormat.JSON);
        assertThat(PayloadFormat.of("text/xml", "{}")).isEqualTo(PayloadFormat.XML);
        assertThat(PayloadFormat.of("text/plain", "{}")).isEqualTo(PayloadFormat.TEXT);
        assertThat(PayloadFormat.of(null, "  [1]")).isEqualTo(PayloadFormat.JSON);
        assertThat(PayloadFormat.of(null, "<x/>")).isEqualTo(PayloadFormat.XML);
        assertThat(PayloadFormat.of("", "hello")).isEqualTo(PayloadFormat.TEXT);
    }

    private static EventView view(String json) {
        return new EventView(JSON.readTree(json));
    }
}
