package io.eventsync.simulators.omi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * OMi's OPR client towards one connected server of type External Event Processing, following "Forward
 * events and event changes from OPR client" to the letter:
 * <ul>
 *   <li>An event goes to {@code POST <base>/event} alone (an {@code event}) or in a bulk (an
 *       {@code event_list}, items numbered by {@code sequence_number} from 1). A single answer is the
 *       event with its {@code id} set to the target's external id.</li>
 *   <li>A 2xx bulk answer is matched to the request by {@code sequence_number}: a listed event (with an
 *       {@code id}) is done; every item it does not list is resent in a later request.</li>
 *   <li>A 5xx to a bulk: each item is resent alone, as a non-bulk request. A 4xx to a bulk: every item
 *       is marked failed and never resent. A 4xx to a single item marks it failed; a 5xx, or no answer,
 *       has it resent later (after {@code Retry-After}).</li>
 *   <li>A change goes to {@code POST <base>/event_change/<external id>} alone, or in a bulk to
 *       {@code POST <base>/event_change/} with {@code event_ref} naming the event, under the same rules.
 *       OMi forwards a change only once its event was forwarded (it needs the external id), and the
 *       changes of one event one after the other, each once the one before it is settled.</li>
 * </ul>
 * Nothing here comes from eventsync: documents are written and read by {@link OprXml}/{@link OprJson},
 * OMi's own copy of an event follows its changes by {@link ChangeApplication}. Each {@code forward*}
 * call makes its request at once and handles its answer (a 5xx split included) before it returns;
 * {@link #settle} resends what is left. Thread-safe.
 */
public final class OmiForwarder implements AutoCloseable {

    /** OMi does not send more than this in one bulk. */
    public static final int MAX_BULK = 1000;

    /** Where an item stands, as OMi sees it. */
    public enum Outcome { PENDING, ACKNOWLEDGED, FAILED, ABANDONED }

    private final ForwardingSettings settings;
    private final TargetClient target;
    private final ExecutorService senders;
    /** Singles after a 5xx split: a bulk being sent on {@link #senders} must not wait for a thread of its own pool. */
    private final ExecutorService splitSenders;

    // Guarded by this.
    private final Map<String, Item> events = new LinkedHashMap<>();
    private final Map<String, Item> changes = new LinkedHashMap<>();
    private final Map<String, List<Item>> changesByEvent = new HashMap<>();
    private final Map<String, OprNode> acknowledgedState = new HashMap<>();
    private final Map<Integer, Long> bulkAnswers = new HashMap<>();
    private final Map<Integer, Long> singleAnswers = new HashMap<>();
    private final List<ForwardingTally.Failure> failures = new ArrayList<>();
    private long bulkSplits;
    private long itemsResentAlone;
    private long itemsLeftOut;

    public OmiForwarder(ForwardingSettings settings) {
        this.settings = settings;
        this.target = new TargetClient(settings);
        this.senders = Executors.newFixedThreadPool(settings.parallelism(), daemon("omi-forwarder"));
        this.splitSenders = Executors.newFixedThreadPool(settings.parallelism(), daemon("omi-forwarder-split"));
    }

    public ForwardingSettings settings() {
        return settings;
    }

    /** Forwards one event as a single request. */
    public void forwardEvent(OprNode event) {
        Item item = registerEvent(event);
        sendAlone(item);
    }

    /** Forwards the events as one bulk ({@code event_list}); at most {@value #MAX_BULK}. */
    public void forwardEvents(List<OprNode> batch) {
        if (batch.size() > MAX_BULK) {
            throw new IllegalArgumentException("OMi sends at most " + MAX_BULK + " items per bulk");
        }
        List<Item> items = batch.stream().map(this::registerEvent).toList();
        sendBulk(items);
    }

    /** Forwards the change alone, now if its event was forwarded, else as soon as it is. */
    public void forwardChange(OmiChange change) {
        Item item = registerChange(change, true);
        if (sendable(item)) {
            sendAlone(item);
        }
    }

    /**
     * Forwards the changes as one bulk ({@code event_change_list}): those whose event was forwarded
     * now, the others in a later bulk once it is.
     */
    public void forwardChanges(List<OmiChange> batch) {
        if (batch.size() > MAX_BULK) {
            throw new IllegalArgumentException("OMi sends at most " + MAX_BULK + " items per bulk");
        }
        List<Item> items = batch.stream().map(change -> registerChange(change, false)).toList();
        List<Item> now = new ArrayList<>();
        synchronized (this) {
            for (Item item : items) {
                if (sendable(item) && now.stream().noneMatch(other -> other.omiEventId().equals(item.omiEventId()))) {
                    now.add(item);
                } else if (item.outcome == Outcome.PENDING) {
                    // Its event is not forwarded yet, or an earlier change of it goes first: a later bulk.
                    item.queued = true;
                    item.notBefore = Instant.now();
                }
            }
        }
        if (!now.isEmpty()) {
            sendBulk(now);
        }
    }

    /**
     * Records the event as forwarded earlier and acknowledged with {@code externalId}, without a request:
     * OMi's state for an event the target took long ago, or believes it took (to forward changes to an
     * event the target may have lost).
     */
    public synchronized void assumeForwarded(OprNode event, String externalId) {
        Item item = registerEvent(event);
        item.outcome = Outcome.ACKNOWLEDGED;
        item.externalId = externalId;
        acknowledgedState.put(item.key, item.event);
    }

    /**
     * Resends what is pending (items left out of answers or unanswered, in bulks of what came in bulks;
     * items to be sent alone, alone; changes whose event is now forwarded) until nothing is pending or
     * {@code timeout} is over.
     *
     * @return whether nothing is pending any more
     */
    public boolean settle(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Item> due = dueItems(Instant.now());
            if (due.isEmpty()) {
                if (pendingCount() == 0) {
                    return true;
                }
                if (Instant.now().isAfter(deadline)) {
                    return false;
                }
                sleep(Duration.ofMillis(20));
                continue;
            }
            List<Runnable> requests = new ArrayList<>();
            List<Item> bulkEvents = new ArrayList<>();
            List<Item> bulkChanges = new ArrayList<>();
            for (Item item : due) {
                if (item.alone) {
                    requests.add(() -> sendAlone(item));
                } else {
                    (item.isEvent() ? bulkEvents : bulkChanges).add(item);
                }
            }
            chunks(bulkEvents, settings.maxBulk()).forEach(chunk -> requests.add(() -> sendBulk(chunk)));
            chunks(bulkChanges, settings.maxBulk()).forEach(chunk -> requests.add(() -> sendBulk(chunk)));
            runAll(requests, senders);
        }
    }

    /** The counts so far. */
    public synchronized ForwardingTally tally() {
        return new ForwardingTally(events.size(), changes.size(),
                count(events, Outcome.ACKNOWLEDGED), count(changes, Outcome.ACKNOWLEDGED),
                count(events, Outcome.FAILED), count(changes, Outcome.FAILED), count(changes, Outcome.ABANDONED),
                count(events, Outcome.PENDING), count(changes, Outcome.PENDING),
                bulkAnswers, singleAnswers, bulkSplits, itemsResentAlone, itemsLeftOut, failures);
    }

    /** Where an event (by OMi id) stands. */
    public synchronized Optional<Outcome> eventOutcome(String omiEventId) {
        return Optional.ofNullable(events.get(omiEventId)).map(item -> item.outcome);
    }

    /** Where a change (by its id) stands. */
    public synchronized Optional<Outcome> changeOutcome(String changeId) {
        return Optional.ofNullable(changes.get(changeId)).map(item -> item.outcome);
    }

    /** The external id the target gave the event, once acknowledged. */
    public synchronized Optional<String> externalId(String omiEventId) {
        return Optional.ofNullable(events.get(omiEventId)).map(item -> item.externalId);
    }

    /** Every acknowledged event's external id, by OMi id. */
    public synchronized Map<String, String> externalIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        events.forEach((id, item) -> {
            if (item.externalId != null) {
                ids.put(id, item.externalId);
            }
        });
        return ids;
    }

    /** The event as forwarded (without {@code sequence_number}). */
    public synchronized Optional<OprNode> forwarded(String omiEventId) {
        return Optional.ofNullable(events.get(omiEventId)).map(item -> item.event);
    }

    /**
     * The event as the target must hold it now: as forwarded, with every acknowledged change applied in
     * order by OMi's own rules.
     */
    public synchronized Optional<OprNode> acknowledgedState(String omiEventId) {
        return Optional.ofNullable(acknowledgedState.get(omiEventId));
    }

    @Override
    public void close() {
        senders.shutdownNow();
        splitSenders.shutdownNow();
    }

    // --- sending -------------------------------------------------------------------------------------

    private void sendBulk(List<Item> items) {
        boolean ofEvents = items.get(0).isEvent();
        String listRoot = ofEvents ? "event_list" : "event_change_list";
        String itemName = ofEvents ? "event" : "event_change";
        List<OprNode> documents = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < items.size(); i++) {
                documents.add(document(items.get(i), (long) (i + 1)));
                items.get(i).sentBefore = true;
            }
        }
        byte[] body = settings.format().write(OprNode.branch(listRoot, documents), itemName);
        String type = settings.format().contentType(true);
        TargetClient.Answer answer = ofEvents ? target.postEvents(body, type) : target.postChanges(body, type);
        count(bulkAnswers, answer.status());
        if (!answer.answered()) {
            later(items, false, null);
        } else if (answer.status() >= 200 && answer.status() < 300) {
            matchBulkAnswer(items, answer, listRoot, itemName);
        } else if (answer.status() >= 500 && answer.status() < 600) {
            synchronized (this) {
                bulkSplits++;
            }
            runAll(items.stream().<Runnable>map(item -> () -> sendAlone(item)).toList(), splitSenders);
        } else if (answer.status() >= 400 && answer.status() < 500) {
            items.forEach(item -> fail(item, answer));
        } else {
            later(items, false, null);
        }
    }

    private void matchBulkAnswer(List<Item> items, TargetClient.Answer answer, String listRoot, String itemName) {
        Map<String, OprNode> bySequence = new HashMap<>();
        Answers.items(answer, listRoot, itemName).orElse(List.of())
                .forEach(node -> node.textOf("sequence_number").map(String::trim)
                        .ifPresent(number -> bySequence.putIfAbsent(number, node)));
        List<Item> leftOut = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            OprNode listed = bySequence.get(Long.toString(i + 1));
            String externalId = listed == null ? null : listed.textOf("id").map(String::trim).orElse("");
            if (listed == null || (item.isEvent() && externalId.isEmpty())) {
                leftOut.add(item);
            } else {
                acknowledge(item, externalId);
            }
        }
        synchronized (this) {
            itemsLeftOut += leftOut.size();
        }
        later(leftOut, false, null);
    }

    private void sendAlone(Item item) {
        String contentType = settings.format().contentType(false);
        TargetClient.Answer answer;
        synchronized (this) {
            if (item.outcome != Outcome.PENDING) {
                return;
            }
            if (item.sentBefore) {
                itemsResentAlone++;
            }
            item.sentBefore = true;
        }
        if (item.isEvent()) {
            byte[] body = settings.format().write(document(item, null), null);
            answer = target.postEvents(body, contentType);
        } else {
            String externalId;
            byte[] body;
            synchronized (this) {
                externalId = events.get(item.omiEventId()).externalId;
                body = settings.format().write(document(item, null), null);
            }
            answer = target.postChange(externalId, body, contentType);
        }
        count(singleAnswers, answer.status());
        if (answer.status() >= 200 && answer.status() < 300) {
            if (!item.isEvent()) {
                acknowledge(item, null);
                return;
            }
            String externalId = Answers.single(answer, "event").flatMap(event -> event.textOf("id"))
                    .map(String::trim).orElse("");
            if (externalId.isEmpty()) {
                // No external id to keep: OMi cannot treat it as forwarded, and tries again.
                later(List.of(item), true, null);
            } else {
                acknowledge(item, externalId);
            }
        } else if (answer.status() >= 400 && answer.status() < 500) {
            fail(item, answer);
        } else {
            later(List.of(item), true, answer.retryAfter());
        }
    }

    /** The document for an item, as OMi writes it now (a change names its event's current external id). */
    private OprNode document(Item item, Long sequenceNumber) {
        if (item.isEvent()) {
            return sequenceNumber == null ? item.event : numbered(item.event, sequenceNumber);
        }
        Item event = events.get(item.omiEventId());
        return item.change.document(eventRef(item.omiEventId(), event.externalId), sequenceNumber);
    }

    /** The event with its {@code sequence_number} where OMi's schema has it: after {@code id} and {@code version}. */
    private static OprNode numbered(OprNode event, long sequenceNumber) {
        List<OprNode> children = new ArrayList<>();
        boolean placed = false;
        for (OprNode child : event.children()) {
            if (!placed && !child.name().equals("id") && !child.name().equals("version")) {
                children.add(OprNode.leaf("sequence_number", Long.toString(sequenceNumber)));
                placed = true;
            }
            children.add(child);
        }
        if (!placed) {
            children.add(OprNode.leaf("sequence_number", Long.toString(sequenceNumber)));
        }
        return OprNode.branch(event.name(), children);
    }

    private OprNode eventRef(String omiEventId, String externalId) {
        return switch (settings.eventRef()) {
            case TARGET_IDS -> OprNode.branch("event_ref", OprNode.leaf("target_id", omiEventId),
                    OprNode.leaf("target_global_id", externalId));
            case GLOBAL_ID -> OprNode.branch("event_ref", OprNode.leaf("global_id", externalId));
            case TARGET_ID -> OprNode.branch("event_ref", OprNode.leaf("target_id", omiEventId));
            case TARGET_GLOBAL_ID -> OprNode.branch("event_ref", OprNode.leaf("target_global_id", externalId));
        };
    }

    // --- outcomes --------------------------------------------------------------------------------------

    private synchronized void acknowledge(Item item, String externalId) {
        if (item.outcome != Outcome.PENDING) {
            return;
        }
        item.outcome = Outcome.ACKNOWLEDGED;
        if (item.isEvent()) {
            item.externalId = externalId;
            acknowledgedState.put(item.key, item.event);
        } else {
            acknowledgedState.computeIfPresent(item.omiEventId(), (id, event) -> ChangeApplication.apply(event,
                    item.change));
        }
    }

    private synchronized void fail(Item item, TargetClient.Answer answer) {
        if (item.outcome != Outcome.PENDING) {
            return;
        }
        item.outcome = Outcome.FAILED;
        failures.add(new ForwardingTally.Failure(item.isEvent() ? "event" : "event_change", item.key,
                answer.status(), Answers.problemType(answer), Answers.problemDetail(answer)));
        if (item.isEvent()) {
            changesByEvent.getOrDefault(item.key, List.of()).forEach(change -> {
                if (change.outcome == Outcome.PENDING) {
                    change.outcome = Outcome.ABANDONED;
                }
            });
        }
    }

    /** Back in the queue, to be sent again after the resend delay, or the target's Retry-After. */
    private synchronized void later(List<Item> items, boolean alone, Duration retryAfter) {
        Duration wait = settings.resendDelay();
        if (retryAfter != null) {
            Duration capped = retryAfter.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter()
                    : retryAfter;
            wait = capped.compareTo(wait) > 0 ? capped : wait;
        }
        Instant notBefore = Instant.now().plus(wait);
        for (Item item : items) {
            item.alone = item.alone || alone;
            item.notBefore = notBefore;
            item.queued = true;
        }
    }

    // --- the queue ----------------------------------------------------------------------------------------

    private synchronized Item registerEvent(OprNode event) {
        String id = event.textOf("id").map(String::trim).orElse("");
        if (id.isEmpty()) {
            // OMi's own events always have an id; an item without one is how a test plants a bad item.
            id = "no-id-" + System.identityHashCode(event) + "-" + events.size();
        }
        Item item = new Item(id, event.without("sequence_number"), null);
        events.put(id, item);
        return item;
    }

    private synchronized Item registerChange(OmiChange change, boolean alone) {
        Item event = events.get(change.omiEventId());
        if (event == null) {
            throw new IllegalArgumentException("OMi forwards changes only to events it forwarded; "
                    + change.omiEventId() + " never was");
        }
        Item item = new Item(change.id(), null, change);
        item.alone = alone;
        changes.put(change.id(), item);
        changesByEvent.computeIfAbsent(change.omiEventId(), k -> new ArrayList<>()).add(item);
        if (event.outcome == Outcome.FAILED || event.outcome == Outcome.ABANDONED) {
            item.outcome = Outcome.ABANDONED;
        } else if (!sendable(item)) {
            item.queued = true;
            item.notBefore = Instant.now();
        }
        return item;
    }

    /** A change can go once its event is acknowledged and every earlier change of that event is settled. */
    private synchronized boolean sendable(Item item) {
        if (item.outcome != Outcome.PENDING) {
            return false;
        }
        if (item.isEvent()) {
            return true;
        }
        Item event = events.get(item.omiEventId());
        if (event.outcome != Outcome.ACKNOWLEDGED) {
            return false;
        }
        for (Item earlier : changesByEvent.get(item.omiEventId())) {
            if (earlier == item) {
                return true;
            }
            if (earlier.outcome == Outcome.PENDING) {
                return false;
            }
        }
        return true;
    }

    private synchronized List<Item> dueItems(Instant now) {
        List<Item> due = new ArrayList<>();
        List<String> eventsWithAChange = new ArrayList<>();
        for (Item item : events.values()) {
            if (item.queued && item.outcome == Outcome.PENDING && !item.notBefore.isAfter(now)) {
                due.add(item);
            }
        }
        for (Item item : changes.values()) {
            if (item.queued && !item.notBefore.isAfter(now) && sendable(item)
                    && !eventsWithAChange.contains(item.omiEventId())) {
                due.add(item);
                eventsWithAChange.add(item.omiEventId());
            }
        }
        due.forEach(item -> item.queued = false);
        return due;
    }

    private synchronized long pendingCount() {
        return count(events, Outcome.PENDING) + count(changes, Outcome.PENDING);
    }

    private static long count(Map<String, Item> items, Outcome outcome) {
        return items.values().stream().filter(item -> item.outcome == outcome).count();
    }

    private synchronized void count(Map<Integer, Long> answers, int status) {
        answers.merge(status, 1L, Long::sum);
    }

    private static List<List<Item>> chunks(List<Item> items, int size) {
        List<List<Item>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }

    private static void runAll(List<Runnable> requests, ExecutorService pool) {
        if (requests.size() == 1) {
            requests.get(0).run();
            return;
        }
        List<Future<?>> running = requests.stream().<Future<?>>map(pool::submit).toList();
        for (Future<?> request : running) {
            try {
                request.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException("a forwarding request failed unexpectedly", e.getCause());
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One event or change OMi forwards, and where it stands. Guarded by the forwarder. */
    private static final class Item {
        final String key;
        final OprNode event;
        final OmiChange change;
        Outcome outcome = Outcome.PENDING;
        String externalId;
        boolean alone;
        boolean queued;
        boolean sentBefore;
        Instant notBefore = Instant.EPOCH;

        Item(String key, OprNode event, OmiChange change) {
            this.key = key;
            this.event = event;
            this.change = change;
        }

        boolean isEvent() {
            return event != null;
        }

        String omiEventId() {
            return isEvent() ? key : change.omiEventId();
        }
    }
}
