package io.eventsync.egress.delivery;

import io.eventsync.egress.template.Escaping;
import java.util.regex.Pattern;

/**
 * Seed 002's {@code SOAP_API} notifier: the rendered payload goes in the body of a SOAP 1.1
 * envelope. An XML payload becomes the body's content (its XML declaration dropped); anything else
 * (a JSON template, as in the seed's own samples) is carried as escaped text.
 */
public final class SoapEnvelope {

    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>";
    private static final String CLOSE = "</soapenv:Body></soapenv:Envelope>";
    private static final Pattern DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\?>");

    private SoapEnvelope() {
    }

    public static String wrap(String payload, boolean xml) {
        String body = payload == null ? "" : payload;
        if (xml) {
            return OPEN + DECLARATION.matcher(body).replaceFirst("") + CLOSE;
        }
        return OPEN + Escaping.xml(body) + CLOSE;
    }
}
