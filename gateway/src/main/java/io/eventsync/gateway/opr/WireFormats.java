package io.eventsync.gateway.opr;

import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.gateway.problem.ApiProblem;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Which format a request is in, and which the answer should be in. OMi sends
 * {@code application/xml} (sometimes with {@code ;type=collection}) or {@code text/xml}; JSON
 * clients send {@code application/json}. Parameters are ignored; anything else is a 415.
 */
final class WireFormats {

    private WireFormats() {
    }

    static OprFormat ofRequest(HttpHeaders headers, byte[] body) {
        MediaType type;
        try {
            type = headers.getContentType();
        } catch (InvalidMediaTypeException e) {
            throw unsupported(headers.getFirst(HttpHeaders.CONTENT_TYPE));
        }
        if (type == null) {
            return sniff(body);
        }
        OprFormat format = of(type);
        if (format == null) {
            throw unsupported(type.toString());
        }
        return format;
    }

    /** The answer uses the request's format unless Accept names the other one first. */
    static OprFormat ofAnswer(HttpHeaders headers, OprFormat requestFormat) {
        List<MediaType> accept;
        try {
            accept = headers.getAccept();
        } catch (InvalidMediaTypeException e) {
            return requestFormat;
        }
        List<MediaType> byQuality = accept.stream()
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .toList();
        for (MediaType type : byQuality) {
            OprFormat format = of(type);
            if (format != null) {
                return format;
            }
        }
        return requestFormat;
    }

    /** For requests without a body (GET): Accept decides, XML (OMi's native) by default. */
    static OprFormat ofAnswer(HttpHeaders headers) {
        return ofAnswer(headers, OprFormat.XML);
    }

    static MediaType mediaType(OprFormat format) {
        return format == OprFormat.XML ? MediaType.APPLICATION_XML : MediaType.APPLICATION_JSON;
    }

    private static OprFormat of(MediaType type) {
        String subtype = type.getSubtype();
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return null;
        }
        if ("json".equals(subtype) || subtype.endsWith("+json")) {
            return OprFormat.JSON;
        }
        if ("xml".equals(subtype) || subtype.endsWith("+xml")) {
            return OprFormat.XML;
        }
        return null;
    }

    /** Without a Content-Type the first character tells: {@code <} is XML, anything else JSON. */
    private static OprFormat sniff(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<' ? OprFormat.XML : OprFormat.JSON;
            }
        }
        return OprFormat.JSON;
    }

    private static ApiProblem unsupported(String type) {
        return ApiProblem.unsupportedMediaType(type, "application/xml, text/xml or application/json");
    }
}
