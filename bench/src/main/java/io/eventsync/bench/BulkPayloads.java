package io.eventsync.bench;

import io.eventsync.contracts.opr.ConfigurationItem;
import io.eventsync.contracts.opr.CustomAttribute;
import io.eventsync.contracts.opr.CustomAttributeList;
import io.eventsync.contracts.opr.NodeRef;
import io.eventsync.contracts.opr.OprEvent;
import io.eventsync.contracts.opr.OprEventList;
import io.eventsync.contracts.opr.OprNode;
import io.eventsync.contracts.opr.OprServer;
import io.eventsync.contracts.opr.Priority;
import io.eventsync.contracts.opr.RelatedCi;
import io.eventsync.contracts.opr.Severity;
import io.eventsync.contracts.opr.State;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bulk bodies as OMi sends them: an event list of realistic events, each about 1 KB in the body's own
 * format (the description is padded to size). Built before the clock starts, so the load generator only
 * writes bytes.
 */
final class BulkPayloads {

    static final int EVENT_BYTES = 1024;

    private final OprCodec codec = OprCodec.withDefaults();

    /** {@code bodies} different lists (distinct event ids), each of {@code events} events. */
    List<byte[]> bodies(OprFormat format, int events, int bodies) {
        int padding = paddingFor(format);
        List<byte[]> result = new ArrayList<>(bodies);
        for (int b = 0; b < bodies; b++) {
            List<OprEvent> list = new ArrayList<>(events);
            for (int e = 0; e < events; e++) {
                list.add(event(b * events + e, e + 1, "x".repeat(padding)));
            }
            result.add(codec.write(new OprEventList(list), format));
        }
        return result;
    }

    /** {@code bodies} single events (distinct ids) of about {@link #EVENT_BYTES} each, as OMi posts one. */
    List<byte[]> singleBodies(OprFormat format, int bodies) {
        int padding = paddingFor(format);
        List<byte[]> result = new ArrayList<>(bodies);
        for (int b = 0; b < bodies; b++) {
            result.add(codec.write(event(b, 1, "x".repeat(padding)), format));
        }
        return result;
    }

    /**
     * One event of about {@link #EVENT_BYTES} (in JSON) titled {@code title}, with id {@code n}: what the
     * end-to-end scenario finds again at the receiver. {@code padding} comes from {@link #singlePadding}.
     */
    byte[] single(int n, String title, String padding) {
        return codec.write(event(n, 1, title, padding), OprFormat.JSON);
    }

    /** The description that makes a single JSON event about {@link #EVENT_BYTES}. */
    String singlePadding() {
        return "x".repeat(paddingFor(OprFormat.JSON));
    }

    /** How long a description makes one event, as a list item, {@link #EVENT_BYTES} in this format. */
    private int paddingFor(OprFormat format) {
        int one = codec.write(new OprEventList(List.of(event(0, 1, ""), event(1, 2, ""))), format).length;
        int two = codec.write(new OprEventList(List.of(event(0, 1, ""), event(1, 2, ""), event(2, 3, ""))), format).length;
        return Math.max(0, EVENT_BYTES - (two - one));
    }

    /** {@code sequence} is the item's place in its bulk, as OMi numbers them; the answer echoes it per item. */
    private static OprEvent event(int n, long sequence, String description) {
        return event(n, sequence, "CPU utilisation above threshold on app" + (n % 50) + ".prod.example.com",
                description);
    }

    private static OprEvent event(int n, long sequence, String title, String description) {
        return realistic(new UUID(0x0e5e_0000_0000_0000L, n).toString(), n, sequence, title,
                State.values()[n % State.values().length], description);
    }

    /** An event as OMi forwards one, its fields varied by {@code n}; the shape every bench scenario posts or reads. */
    static OprEvent realistic(String id, int n, Long sequence, String title, State state, String description) {
        OffsetDateTime created = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC).plusSeconds(n % 86_400);
        String host = "app" + (n % 50) + ".prod.example.com";
        return new OprEvent(id, 1L, sequence, title, description,
                Severity.values()[n % Severity.values().length], Priority.values()[n % Priority.values().length],
                state, "Performance", "CPU", "Operations Agent", "cpu_util", null, host + ":cpu_util",
                host + ":cpu_util<*>", created, created.plusSeconds(1), null, 0L, false, false, false, null, null,
                new RelatedCi(new ConfigurationItem("ci-" + (n % 50), "nt", host, host)),
                new NodeRef(new OprNode("node-" + (n % 50), "node", host, host)),
                new OprServer(host, "10.0." + (n % 250) + ".7", "core-" + (n % 50)),
                new OprServer("omi.example.com", "10.1.0.2", "omi-core"),
                null, null, null,
                new CustomAttributeList(List.of(new CustomAttribute("Customer", "ACME"))), null, null);
    }
}
