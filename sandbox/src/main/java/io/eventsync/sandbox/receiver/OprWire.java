package io.eventsync.sandbox.receiver;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.opr.codec.OprPayloadException;
import java.util.Locale;
import java.util.Map;

/**
 * OPR documents on the wire, through the contracts codec (XXE-safe XML, JSON). A request's format is its
 * Content-Type's, any parameter ignored ({@code application/xml;type=collection} is XML), sniffed from the
 * first character when there is none; POST answers use the request's format, GET answers the first of
 * JSON or XML the Accept header names, XML (OMi's native) by default.
 */
final class OprWire {

    private final OprCodec codec;

    OprWire(OprCodec codec) {
        this.codec = codec;
    }

    OprFormat requestFormat(IncomingRequest request) {
        String contentType = request.contentType();
        if (contentType == null || contentType.isBlank()) {
            return sniff(request.body());
        }
        OprFormat format = formatOf(contentType);
        if (format == null) {
            throw Problem.of(415, "The content type " + contentType + " is neither JSON nor XML");
        }
        return format;
    }

    OprFormat answerFormat(IncomingRequest request) {
        String accept = request.header("Accept");
        if (accept != null) {
            for (String range : accept.split(",")) {
                OprFormat format = formatOf(range);
                if (format != null) {
                    return format;
                }
            }
        }
        return OprFormat.XML;
    }

    /** The document, or a 400 problem naming the place at fault as a JSON pointer. */
    OprDocument read(IncomingRequest request, OprFormat format, OprCodec.Expect expect) {
        try {
            return codec.read(request.body(), format, expect);
        } catch (OprPayloadException e) {
            String at = e.pointer().isEmpty() ? "" : " at " + e.pointer();
            throw Problem.invalid("The " + format + " payload cannot be accepted" + at + ": " + e.getMessage(),
                    "pointer", e.pointer());
        }
    }

    Answer answer(OprDocument document, OprFormat format) {
        return new Answer(200, codec.write(document, format), format.mediaType(), Map.of());
    }

    private static OprFormat formatOf(String mediaRange) {
        String type = mediaRange.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || type.endsWith("+json")) {
            return OprFormat.JSON;
        }
        if (type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml")) {
            return OprFormat.XML;
        }
        return null;
    }

    private static OprFormat sniff(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<' ? OprFormat.XML : OprFormat.JSON;
            }
        }
        return OprFormat.JSON;
    }
}
