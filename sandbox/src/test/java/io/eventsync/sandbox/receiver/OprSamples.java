package io.eventsync.sandbox.receiver;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;

/** OPR documents for the tests to send, and the answers read back, through the contracts codec. */
final class OprSamples {

    static final OprCodec CODEC = OprCodec.withDefaults();

    private OprSamples() {
    }

    /** An event as OMi would forward it in a bulk: its OMi id, a title naming it, a sequence number. */
    static OprEvent event(String omiId, long sequenceNumber) {
        return OprEvent.of(omiId, "event " + omiId, Severity.MAJOR).withSequenceNumber(sequenceNumber);
    }

    /** {@code count} events with sequence numbers from {@code first}, OMi ids {@code omi-<sequence number>}. */
    static List<OprEvent> events(long first, int count) {
        return LongStream.range(first, first + count).mapToObj(n -> event("omi-" + n, n)).toList();
    }

    /** {@code changed_properties} setting {@code state}: a JSON member for an {@code event_change}. */
    static String stateChange(String state) {
        return "\"changed_properties\": {\"state_property_change\": {\"property_name\": \"state\","
                + " \"current_value\": \"" + state + "\"}}";
    }

    static String write(OprDocument document, OprFormat format) {
        return CODEC.writeString(document, format);
    }

    static String json(OprDocument document) {
        return write(document, OprFormat.JSON);
    }

    static OprDocument read(ReceiverClient.Reply reply, OprFormat format, OprCodec.Expect expect) {
        return CODEC.read(reply.body().getBytes(StandardCharsets.UTF_8), format, expect);
    }

    /** The events of a successful JSON answer to {@code POST /opr/event}: one, or a bulk's. */
    static List<OprEvent> answeredEvents(ReceiverClient.Reply reply) {
        if (reply.status() != 200) {
            throw new AssertionError("Expected 200, got " + reply.status() + ": " + reply.body());
        }
        OprDocument answer = read(reply, OprFormat.JSON, OprCodec.Expect.EVENTS);
        return answer instanceof OprEventList list ? list.event() : List.of((OprEvent) answer);
    }
}
