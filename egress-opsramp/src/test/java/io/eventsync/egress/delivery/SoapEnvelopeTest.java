package io.eventsync.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoapEnvelopeTest {

    @Test
    void anXmlPayloadBecomesTheBodyWithoutItsDeclaration() {
        assertThat(SoapEnvelope.wrap("<?xml version=\"1.0\"?><alert>disk</alert>", true))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope "
                        + "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                        + "<alert>disk</alert></soapenv:Body></soapenv:Envelope>");
    }

    @Test
    void aJsonPayloadIsCarriedAsEscapedText() {
        assertThat(SoapEnvelope.wrap("{\"s\":\"a<b & c\"}", false))
                .contains("<soapenv:Body>{&quot;s&quot;:&quot;a&lt;b &amp; c&quot;}</soapenv:Body>");
    }
}
