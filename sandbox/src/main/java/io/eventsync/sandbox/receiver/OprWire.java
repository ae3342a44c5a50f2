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
 * JSON or XML the Accept header names, XML (OMi's native) by default. Public for its media type rules,
 * which the OMi simulator ({@code io.eventsync.sandbox.omi}) follows too.
 */
public final class OprWire {

    private final OprCodec codec;

    OprWire(OprCodec codec) {
        this.codec = codec;
    }

    OprFormat requestFormat(IncomingRequest request) {
        OprFormat format = bodyFormat(request.contentType(), request.body());
        if (format == null) {
            throw Problem.of(415, "The content type " + request.contentType() + " is neither JSON nor XML");
        }
        return format;
    }

    /** A body's format: its Content-Type's, sniffed when there is none; null when the type is neither. */
    public static OprFormat bodyFormat(String contentType, byte[] body) {
        return contentType == null || contentType.isBlank() ? sniff(body) : formatOf(contentType);
    }

    OprFormat answerFormat(IncomingRequest request) {
        OprFormat accepted = accepted(request.header("Accept"));
        return accepted == null ? OprFormat.XML : accepted;
    }

    /** The first of JSON or XML an Accept header names, in the order it names them; null for neither. */
    public static OprFormat accepted(String accept) {
        if (accept != null) {
            for (String range : accept.split(",")) {
                OprFormat format = formatOf(range);
                if (format != null) {
                    return format;
                }
            }
        }
        return null;
    }

    /** The document, or a 400 problem naming the place at fault as a JSON pointer. */
    OprDocument read(IncomingRequest request, OprFormat format, OprCodec.Expect expect) {
        try {
            return codec.read(request.body(), format, expect);
        } catch (OprPayloadException e) {
            throw Problem.invalid(refusal(e, format), "pointer", e.pointer());
        }
    }

    /** Why a body cannot be accepted, naming the place at fault (a JSON pointer) when there is one. */
    public static String refusal(OprPayloadException e, OprFormat format) {
        String at = e.pointer().isEmpty() ? "" : " at " + e.pointer();
        return "The " + format + " payload cannot be accepted" + at + ": " + e.getMessage();
    }

    Answer answer(OprDocument document, OprFormat format) {
        return new Answer(200, codec.write(document, format), format.mediaType(), Map.of());
    }

    /**
     * The format a media type or range means, parameters ignored; {@code text/xml} and {@code +xml} or
     * {@code +json} suffixes count as their base format. Null for neither.
     */
    public static OprFormat formatOf(String mediaRange) {
        String type = mediaRange.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || type.endsWith("+json")) {
            return OprFormat.JSON;
        }
        if (type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml")) {
            return OprFormat.XML;
        }
        return null;
    }

    /** For a body without a Content-Type: XML starts with {@code <}, anything else is taken for JSON. */
    public static OprFormat sniff(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<' ? OprFormat.XML : OprFormat.JSON;
            }
        }
        return OprFormat.JSON;
    }
}
