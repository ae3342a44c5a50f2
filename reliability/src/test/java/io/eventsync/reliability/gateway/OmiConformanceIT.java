package io.eventsync.reliability.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.simulators.omi.ForwardingSettings;
import io.eventsync.simulators.omi.ForwardingSettings.EventRefStyle;
import io.eventsync.simulators.omi.ForwardingTally;
import io.eventsync.simulators.omi.OmiChange;
import io.eventsync.simulators.omi.OmiForwarder;
import io.eventsync.simulators.omi.OprEquivalence;
import io.eventsync.simulators.omi.OprNode;
import io.eventsync.simulators.omi.WireFormat;
import io.eventsync.testkit.Brokers;
import io.eventsync.testkit.KafkaBroker;
import io.eventsync.testkit.RestartableKafkaBroker;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The conformance run: OMi, modelled independently from the forwarding document (the simulators'
 * {@link OmiForwarder}), forwards a mixed stream to the real gateway in its own JVM, through a Kafka
 * outage and a SIGKILL of the gateway, and reads every answer as OMi does. Two connected servers: one
 * sends XML lists as {@code type=collection} and names events by {@code target_id}/{@code target_global_id},
 * the other JSON in the mapped, all-strings shape and names events by {@code global_id} alone. The
 * stream: events alone and in bulks of 1 to 1,000 (800 the gateway's limit for the run), planted bad events
 * (no id, an invalid value, one too large for Kafka), bulks over the item and body limits, changes alone and
 * in bulks (one to three property changes each, scalars and list entries), and changes to an event the
 * gateway never had.
 *
 * <p>It proves: every good event acknowledged and on {@code opr.events} carrying what OMi sent; every
 * change acknowledged, and the last change record of each event carrying the event as OMi holds it; the
 * state topic ending with the same; only the planted items marked failed; no bulk split into single
 * requests but the ones with planted items or over a limit (so never by the outage or the kill). The
 * tallies are printed ({@code bulk {200=.., 501=..}}: a bulk split is always a 501, never a 503). Short by
 * default; {@code -Dconformance.events=N}, {@code -Dconformance.outage.seconds=S},
 * {@code -Dconformance.restarts=R} and {@code -Dconformance.seed=X} for longer runs (docs/reliability.md).
 */
class OmiConformanceIT {

    private static final int EVENTS = Integer.getInteger("conformance.events", 2_000);
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("conformance.outage.seconds", 5));
    private static final int RESTARTS = Integer.getInteger("conformance.restarts", 1);
    private static final long SEED = Long.getLong("conformance.seed", 16L);
    private static final int ROUNDS = 10;
    /** The gateway's bulk limit for this run, under OMi's own largest bulk (1,000), so one bulk can go over it. */
    private static final int MAX_BULK_ITEMS = 800;
    private static final int MAX_BODY = 2 << 20;
    private static final int MAX_RECORD = 256 << 10;
    private static final String JSON_SERVER = "omi-json";
    private static final String JSON_PASSWORD = "omi-json-conformance";
    private static final Duration SETTLE = Duration.ofSeconds(240);

    private final Random random = new Random(SEED);
    private int nextId;
    private int generated;
    private long expectedSplits;
    private final Set<String> badEvents = new HashSet<>();
    private int eventsWithoutId;
    private final Set<String> badChanges = new HashSet<>();

    @Test
    void omiForwardingAMixedStreamThroughAnOutageAndAKillFailsOnlyTheBadItemsAndLosesNothing() throws Exception {
        String topic = KafkaBroker.uniqueTopic("conformance");
        Path log = Files.createTempFile("conformance-gateway-", ".log");
        long started = System.nanoTime();
        try (RestartableKafkaBroker broker = Brokers.dedicated()) {
            broker.createTopic(topic, 3);
            List<String> extra = new ArrayList<>(ForkedGateway.SHORT_KAFKA_TIMEOUTS);
            extra.addAll(List.of("--eventsync.gateway.connected-servers[1].name=" + JSON_SERVER,
                    "--eventsync.gateway.connected-servers[1].password=" + JSON_PASSWORD,
                    "--eventsync.gateway.max-bulk-items=" + MAX_BULK_ITEMS,
                    "--eventsync.gateway.max-body-size=" + MAX_BODY + "B",
                    "--eventsync.kafka.producer.max.request.size=" + MAX_RECORD));
            try (ForkedGateway gateway = ForkedGateway.start(broker.bootstrapServers(), topic, log, extra);
                 OmiForwarder xml = omi(gateway, ForkedGateway.SERVER, ForkedGateway.PASSWORD,
                         WireFormat.XML_COLLECTION, EventRefStyle.TARGET_IDS);
                 OmiForwarder json = omi(gateway, JSON_SERVER, JSON_PASSWORD, WireFormat.JSON_WRAPPED,
                         EventRefStyle.GLOBAL_ID)) {
                int perRound = EVENTS / ROUNDS / 2;
                int outageRound = 3;
                int firstKillRound = 6;
                for (int round = 0; round < ROUNDS; round++) {
                    if (round == 1) {
                        // More items than the gateway takes in one request, and a body over its limit.
                        send(xml, bulk("x", 1_000, 200), true);
                        send(json, bulk("j", 250, 9_000), true);
                    }
                    if (round == outageRound) {
                        broker.stop();
                        long until = System.nanoTime() + OUTAGE.toNanos();
                        forwardRound(xml, "x", perRound / 2);
                        forwardRound(json, "j", perRound / 2);
                        changeRound(xml);
                        changeRound(json);
                        Thread.sleep(Math.max(0, (until - System.nanoTime()) / 1_000_000));
                        broker.start();
                        forwardRound(xml, "x", perRound - perRound / 2);
                        forwardRound(json, "j", perRound - perRound / 2);
                    } else if (round >= firstKillRound && round < firstKillRound + RESTARTS) {
                        // Killed while requests are in flight, started again on the same port and store.
                        CompletableFuture<Void> killed = CompletableFuture.runAsync(() -> killAndRestart(gateway));
                        forwardRound(xml, "x", perRound);
                        forwardRound(json, "j", perRound);
                        killed.join();
                    } else {
                        forwardRound(xml, "x", perRound);
                        forwardRound(json, "j", perRound);
                    }
                    changeRound(xml);
                    changeRound(json);
                }
                boolean xmlSettled = xml.settle(SETTLE);
                boolean jsonSettled = json.settle(SETTLE);
                ForwardingTally xmlTally = xml.tally();
                ForwardingTally jsonTally = json.tally();
                PublishedOpr events = PublishedOpr.read(broker.bootstrapServers(), topic);
                PublishedOpr states = PublishedOpr.read(broker.bootstrapServers(), topic + "-state");
                System.out.printf("conformance run (seed %d, %d s): %d events, outage %d s, %d kill(s), planted: %d bad "
                                + "events (%d without id), %d changes to an event never forwarded, %d bulks to be split;"
                                + " opr.events records=%d, opr.event-state records=%d%n[XML, target ids] %s%n"
                                + "[JSON, global_id] %s%n", SEED, (System.nanoTime() - started) / 1_000_000_000L,
                        generated, OUTAGE.toSeconds(), RESTARTS, badEvents.size() + eventsWithoutId, eventsWithoutId,
                        badChanges.size(), expectedSplits, events.items().size(), states.items().size(), xmlTally,
                        jsonTally);

                assertThat(xmlSettled && jsonSettled).as("OMi has nothing left to resend").isTrue();
                for (OmiForwarder omi : List.of(xml, json)) {
                    assertConformance(omi, events, states);
                }
                long failedEvents = xmlTally.eventsFailed() + jsonTally.eventsFailed();
                assertThat(failedEvents).as("events marked failed: the planted ones").isEqualTo(
                        badEvents.size() + eventsWithoutId);
                assertThat(xmlTally.failures().stream().map(ForwardingTally.Failure::id)
                        .filter(id -> !id.startsWith("no-id-")).toList())
                        .as("failed items with an id").allMatch(id -> badEvents.contains(id) || badChanges.contains(id));
                assertThat(xmlTally.changesFailed() + jsonTally.changesFailed()).as("changes marked failed")
                        .isEqualTo(badChanges.size());
                assertThat(xmlTally.changesAbandoned() + jsonTally.changesAbandoned()).isZero();
                // A bulk cut by the kill is sent again with what else is pending, so two planted bulks may come
                // back as one: at most the planted ones are split, and every split is the gateway's 501.
                assertThat(xmlTally.bulkSplits() + jsonTally.bulkSplits())
                        .as("bulks split into single requests: only those with planted items or over a limit")
                        .isPositive().isLessThanOrEqualTo(expectedSplits);
                for (ForwardingTally tally : List.of(xmlTally, jsonTally)) {
                    assertThat(tally.bulkAnswers().keySet()).as("statuses of bulk answers: 200, 501 for a split, "
                            + "0 for none (the kill); never a 5xx that an outage would split").isSubsetOf(0, 200, 501);
                }
                // OMi counts the events the gateway never had (one per change planted to them) as forwarded.
                assertThat(xmlTally.eventsAcknowledged() + jsonTally.eventsAcknowledged())
                        .as("good events acknowledged").isEqualTo(generated - badEvents.size() - eventsWithoutId
                                + badChanges.size());
            }
        }
    }

    private static OmiForwarder omi(ForkedGateway gateway, String server, String password, WireFormat format,
                                    EventRefStyle style) {
        return new OmiForwarder(ForwardingSettings.of(URI.create("http://127.0.0.1:" + gateway.port() + "/opr"),
                        server, password)
                .withFormat(format).withEventRef(style)
                .withRequestTimeout(Duration.ofSeconds(20))
                .withResendDelay(Duration.ofMillis(200), Duration.ofSeconds(1))
                // OMi's bulk size for this connected server: the gateway's max-bulk-items.
                .withMaxBulk(MAX_BULK_ITEMS));
    }

    private static void killAndRestart(ForkedGateway gateway) {
        try {
            Thread.sleep(300);
            gateway.kill();
            gateway.restart();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code count} events, alone and in bulks of 1 to 800, a bulk in four with a planted bad event. */
    private void forwardRound(OmiForwarder omi, String prefix, int count) {
        int left = count;
        while (left > 0) {
            int kind = random.nextInt(20);
            if (kind == 0) {
                omi.forwardEvent(event(prefix, 200));
                left--;
            } else {
                int size = Math.min(left, List.of(1, 7, 50, 120, 500, MAX_BULK_ITEMS).get(random.nextInt(6)));
                List<OprNode> items = bulk(prefix, size, 300);
                boolean planted = false;
                if (random.nextInt(4) == 0) {
                    items.set(random.nextInt(size), badEvent(prefix));
                    generated--;
                    planted = true;
                }
                send(omi, items, planted);
                left -= size;
            }
        }
    }

    private void send(OmiForwarder omi, List<OprNode> items, boolean split) {
        if (split) {
            expectedSplits++;
        }
        omi.forwardEvents(items);
    }

    /** Changes for some of the events acknowledged so far, alone and in bulks; now and then one to an unknown event. */
    private void changeRound(OmiForwarder omi) {
        List<String> acknowledged = new ArrayList<>(omi.externalIds().keySet());
        // Events the gateway never had are changed once each, below; every other change is to a real event.
        acknowledged.removeIf(id -> badEvents.contains(id) || id.startsWith("ghost-"));
        if (acknowledged.isEmpty()) {
            return;
        }
        List<OmiChange> bulk = new ArrayList<>();
        for (int i = 0; i < Math.max(1, acknowledged.size() / 20); i++) {
            OmiChange change = change(acknowledged.get(random.nextInt(acknowledged.size())));
            if (random.nextBoolean()) {
                omi.forwardChange(change);
            } else {
                bulk.add(change);
            }
        }
        if (random.nextInt(3) == 0) {
            String ghost = "ghost-" + nextId++;
            omi.assumeForwarded(OprNode.branch("event", OprNode.leaf("id", ghost)), java.util.UUID.randomUUID().toString());
            OmiChange toGhost = change(ghost);
            badChanges.add(toGhost.id());
            bulk.add(toGhost);
            expectedSplits++;
        }
        if (!bulk.isEmpty()) {
            // One change per event per bulk, as OMi sends them; the others follow in later bulks.
            omi.forwardChanges(bulk);
        }
    }

    private List<OprNode> bulk(String prefix, int size, int descriptionBytes) {
        List<OprNode> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(event(prefix, descriptionBytes));
        }
        return items;
    }

    private OprNode event(String prefix, int descriptionBytes) {
        generated++;
        String id = prefix + "-" + nextId++;
        List<OprNode> parts = new ArrayList<>(List.of(
                OprNode.leaf("id", id),
                OprNode.leaf("title", "Disk /var " + random.nextInt(100) + "% full on host" + random.nextInt(50)),
                OprNode.leaf("description", "d".repeat(descriptionBytes)),
                OprNode.leaf("severity", List.of("critical", "Major", "minor", "WARNING", "normal").get(random.nextInt(5))),
                OprNode.leaf("priority", List.of("high", "medium", "Low").get(random.nextInt(3))),
                OprNode.leaf("state", "open"),
                OprNode.leaf("category", "Storage"),
                OprNode.leaf("time_created", random.nextBoolean() ? "2026-12-07T10:00:0" + random.nextInt(10) + "+01:00"
                        : "2026-12-07T09:00:0" + random.nextInt(10)),
                OprNode.leaf("duplicate_count", Integer.toString(random.nextInt(5))),
                OprNode.branch("custom_attribute_list", OprNode.branch("custom_attribute",
                        OprNode.leaf("name", "Location"), OprNode.leaf("value", "DC" + random.nextInt(3))))));
        if (random.nextInt(3) == 0) {
            parts.add(OprNode.branch("assigned_user", OprNode.leaf("id", "7"), OprNode.leaf("login_name", "jdoe"),
                    OprNode.leaf("email", "jdoe@example.com")));
        }
        if (random.nextInt(5) == 0) {
            parts.add(OprNode.branch("control_transferred_to", OprNode.leaf("dns_name", "sm.example.com"),
                    OprNode.leaf("state", "transferred")));
        }
        return OprNode.branch("event", parts);
    }

    private OprNode badEvent(String prefix) {
        switch (random.nextInt(3)) {
            case 0 -> {
                eventsWithoutId++;
                return event(prefix, 10).without("id");
            }
            case 1 -> {
                OprNode bad = event(prefix, 10).with("severity", "catastrophic");
                badEvents.add(bad.textOf("id").orElseThrow());
                return bad;
            }
            default -> {
                OprNode bad = event(prefix, MAX_RECORD + 10_000);
                badEvents.add(bad.textOf("id").orElseThrow());
                return bad;
            }
        }
    }

    private OmiChange change(String omiId) {
        List<OprNode> changes = new ArrayList<>();
        int how = 1 + random.nextInt(3);
        for (int i = 0; i < how; i++) {
            switch (random.nextInt(4)) {
                case 0 -> changes.add(OmiChange.scalar("severity", List.of("critical", "minor").get(random.nextInt(2)),
                        null));
                case 1 -> changes.add(OmiChange.listEntry("custom_attribute", "add", OprNode.branch("custom_attribute",
                        OprNode.leaf("name", "Ticket"), OprNode.leaf("value", "INC-" + random.nextInt(1000)))));
                case 2 -> changes.add(OmiChange.listEntry("annotation", "add", OprNode.branch("annotation",
                        OprNode.leaf("id", "n" + nextId++), OprNode.leaf("author", "ops"),
                        OprNode.leaf("text", "looked at it"))));
                default -> changes.add(OmiChange.scalar("title", "retitled " + nextId++, null));
            }
        }
        return new OmiChange("c-" + nextId++, omiId, changes);
    }

    /**
     * Every event OMi saw acknowledged is on {@code opr.events} as sent; every event that OMi saw a change to
     * acknowledged has, on its last change record and on the state topic, the event as OMi holds it.
     */
    private static void assertConformance(OmiForwarder omi, PublishedOpr events, PublishedOpr states) {
        Map<String, PublishedOpr.Item> forwards = events.last("event");
        Map<String, PublishedOpr.Item> changes = events.last("event_change");
        Map<String, PublishedOpr.Item> current = states.lastByExternalId();
        for (Map.Entry<String, String> acknowledged : omi.externalIds().entrySet()) {
            String id = acknowledged.getKey();
            if (id.startsWith("ghost-")) {
                continue;
            }
            assertThat(forwards).as("event %s on opr.events", id).containsKey(id);
            assertThat(OprEquivalence.differences(omi.forwarded(id).orElseThrow(), forwards.get(id).event()))
                    .as("event %s on opr.events as OMi sent it", id).isEmpty();
            OprNode now = omi.acknowledgedState(id).orElseThrow();
            if (changes.containsKey(id)) {
                assertThat(OprEquivalence.differences(now, changes.get(id).event()))
                        .as("event %s after its last change, on its change record", id).isEmpty();
            }
            assertThat(current).as("event %s on the state topic", id).containsKey(acknowledged.getValue());
            assertThat(OprEquivalence.differences(now, current.get(acknowledged.getValue()).event()))
                    .as("event %s as it stands, on the state topic", id).isEmpty();
        }
    }
}
