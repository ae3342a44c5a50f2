package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.opr.codec.OprPayloadException;
import io.eventsync.sandbox.receiver.OprWire;
import java.util.Map;

/**
 * OPR documents in and out of the web service, through the contracts codec, by the receiver simulator's
 * media type rules: a body's format is its Content-Type's, any parameter ignored (OMi sends collections as
 * {@code application/xml;type=collection}), sniffed when there is none; an answer is in the first format
 * Accept names, else in the request's, else XML, OMi's native one.
 */
final class SyncWire {

    private final OprCodec codec;

    SyncWire(OprCodec codec) {
        this.codec = codec;
    }

    OprFormat requestFormat(SyncRequest request) {
        OprFormat format = OprWire.bodyFormat(request.contentType(), request.body());
        if (format == null) {
            throw SyncProblem.of(415, "The content type " + request.contentType() + " is neither XML nor JSON");
        }
        return format;
    }

    /** The document, or a 400 naming what is wrong and where (a JSON pointer into the body). */
    OprDocument read(SyncRequest request, OprFormat format, OprCodec.Expect expect) {
        try {
            return codec.read(request.body(), format, expect);
        } catch (OprPayloadException e) {
            throw SyncProblem.badRequest(OprWire.refusal(e, format));
        }
    }

    SyncAnswer answer(OprDocument document, SyncRequest request, OprFormat requestFormat) {
        OprFormat accepted = OprWire.accepted(request.header("Accept"));
        OprFormat format = accepted == null ? requestFormat : accepted;
        return new SyncAnswer(200, codec.write(document, format), format.mediaType(), Map.of());
    }
}
