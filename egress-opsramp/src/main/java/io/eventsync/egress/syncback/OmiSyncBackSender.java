package io.eventsync.egress.syncback;

import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.contracts.opr.OprEventChangeList;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.egress.delivery.HttpTarget;
import io.eventsync.egress.delivery.Outgoing;
import io.eventsync.egress.delivery.TargetAnswer;
import io.eventsync.egress.delivery.TargetSender;
import io.eventsync.egress.route.HttpMethod;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * OMi's Event Synchronization Web Service as the connected server each event came from
 * (../shared/design/PROTOCOLS.md): one change as {@code POST <base>event_change/<omi event id>},
 * several as {@code POST <base>event_change_list} ({@code application/xml;type=collection}), in
 * XML, OMi's native format. A 2xx takes the request whole; seed 000's rules do the rest (a bulk's
 * 5xx is split into single requests, a 4xx dead-letters, a retried change keeps its id).
 */
public final class OmiSyncBackSender implements TargetSender<SyncBackItem> {

    static final String XML = "application/xml";
    static final String XML_COLLECTION = "application/xml;type=collection";

    private final Map<String, HttpTarget> targets;
    private final Map<String, URI> bases;
    private final int maxBatch;
    private final OprCodec codec;

    /** @param targets per connected server name, its calls (Basic with its name and password); bases likewise */
    public OmiSyncBackSender(Map<String, HttpTarget> targets, Map<String, URI> bases, int maxBatch, OprCodec codec) {
        this.targets = Map.copyOf(targets);
        this.bases = Map.copyOf(bases);
        this.maxBatch = maxBatch;
        this.codec = codec;
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    /** A request goes to one connected server: consecutive runs per server keep each event's order. */
    @Override
    public List<List<Outgoing<SyncBackItem>>> requests(List<Outgoing<SyncBackItem>> batch) {
        List<List<Outgoing<SyncBackItem>>> runs = new ArrayList<>();
        List<Outgoing<SyncBackItem>> run = new ArrayList<>();
        for (Outgoing<SyncBackItem> item : batch) {
            if (!run.isEmpty() && !server(run.get(0)).equals(server(item))) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(item);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    @Override
    public Mono<TargetAnswer> send(List<Outgoing<SyncBackItem>> items) {
        String server = server(items.get(0));
        URI base = bases.get(server);
        var all = Outgoing.sequences(items);
        if (items.size() == 1) {
            SyncBackItem item = items.get(0).item();
            URI single = base.resolve("event_change/" + URLEncoder.encode(item.event().omiEventId(),
                    StandardCharsets.UTF_8));
            return targets.get(server).call(HttpMethod.POST, single, XML, items.get(0).body(), answer -> all);
        }
        List<OprEventChange> changes = items.stream().map(item -> item.item().change()).toList();
        String body = codec.writeString(new OprEventChangeList(changes), OprFormat.XML);
        return targets.get(server).call(HttpMethod.POST, base.resolve("event_change_list"), XML_COLLECTION, body,
                answer -> all);
    }

    @Override
    public String describe() {
        return "OMi sync-back " + bases.values();
    }

    private static String server(Outgoing<SyncBackItem> item) {
        return item.item().event().connectedServer();
    }
}
