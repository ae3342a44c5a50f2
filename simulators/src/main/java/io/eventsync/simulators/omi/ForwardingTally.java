package io.eventsync.simulators.omi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run of OMi's forwarding came to, as OMi would count it: each item submitted ends
 * acknowledged (the target took it), marked failed (a 4xx: OMi gives up on it for good), abandoned
 * (a change whose event was marked failed, so OMi never forwards it), or is still pending (to be
 * resent). Plus how it got there: requests by kind and answer, bulks split into single requests by a
 * 5xx, items a 2xx bulk answer left out.
 *
 * @param bulkAnswers bulk requests by answer status (0: no answer)
 * @param singleAnswers single requests by answer status (0: no answer)
 * @param bulkSplits bulks answered 5xx, whose items OMi then resent one by one
 * @param itemsResentAlone single requests made because a bulk was answered 5xx, or a single again
 * @param itemsLeftOut items a 2xx bulk answer did not list (resent later)
 * @param failures every item marked failed, with the answer that failed it
 */
public record ForwardingTally(long eventsSubmitted, long changesSubmitted,
                              long eventsAcknowledged, long changesAcknowledged,
                              long eventsFailed, long changesFailed, long changesAbandoned,
                              long eventsPending, long changesPending,
                              Map<Integer, Long> bulkAnswers, Map<Integer, Long> singleAnswers,
                              long bulkSplits, long itemsResentAlone, long itemsLeftOut,
                              List<Failure> failures) {

    /** An item OMi marked failed: an event (by OMi id) or a change (by its id), and why. */
    public record Failure(String kind, String id, int status, String problemType, String detail) {
    }

    public ForwardingTally {
        bulkAnswers = Map.copyOf(new TreeMap<>(bulkAnswers));
        singleAnswers = Map.copyOf(new TreeMap<>(singleAnswers));
        failures = List.copyOf(failures);
    }

    public long bulkRequests() {
        return bulkAnswers.values().stream().mapToLong(Long::longValue).sum();
    }

    public long singleRequests() {
        return singleAnswers.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Bulk requests answered with a status in {@code [from, to]}. */
    public long bulkAnswered(int from, int to) {
        return bulkAnswers.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Single requests answered with a status in {@code [from, to]}. */
    public long singleAnswered(int from, int to) {
        return singleAnswers.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The tallies as a person reads them. */
    @Override
    public String toString() {
        return "OMi forwarding tally:\n"
                + "  events:  submitted " + eventsSubmitted + ", acknowledged " + eventsAcknowledged
                + ", marked failed " + eventsFailed + ", still pending " + eventsPending + "\n"
                + "  changes: submitted " + changesSubmitted + ", acknowledged " + changesAcknowledged
                + ", marked failed " + changesFailed + ", abandoned " + changesAbandoned
                + ", still pending " + changesPending + "\n"
                + "  requests: " + bulkRequests() + " bulk " + new TreeMap<>(bulkAnswers) + ", "
                + singleRequests() + " single " + new TreeMap<>(singleAnswers) + " (status: count; 0 = no answer)\n"
                + "  bulks split by a 5xx: " + bulkSplits + ", items resent alone: " + itemsResentAlone
                + ", items left out of 2xx bulk answers: " + itemsLeftOut
                + (failures.isEmpty() ? "" : "\n  failed: " + failures);
    }
}
