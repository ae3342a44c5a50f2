package io.eventsync.bench;

import io.eventsync.sandbox.ofsc.RecordedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The simulator's log of one run's "Get events" requests: when each page was asked for. */
final class IngestPageRequests {

    private final List<RecordedRequest> requests;
    private final Map<String, List<RecordedRequest>> byPage = new HashMap<>();

    IngestPageRequests(List<RecordedRequest> requests) {
        this.requests = requests;
        for (RecordedRequest r : requests) {
            byPage.computeIfAbsent(key(r.query().get("subscriptionId"), r.query().get("page")),
                    k -> new ArrayList<>()).add(r);
        }
    }

    /** When the subscription's poller first asked for a page: the start of its drain. */
    Instant firstRequest(String subscriptionId) {
        return requests.stream().filter(r -> subscriptionId.equals(r.query().get("subscriptionId")))
                .map(RecordedRequest::time).min(Instant::compareTo)
                .orElseThrow(() -> new IllegalStateException("No page request of subscription " + subscriptionId));
    }

    /**
     * When the request that answered the page arrived: the last successful one for that marker before its
     * events were seen (an earlier one may have been answered and then lost with an aborted transaction).
     */
    Optional<Instant> answered(String subscriptionId, String page, Instant firstVisible) {
        return byPage.getOrDefault(key(subscriptionId, page), List.of()).stream()
                .filter(r -> r.status() == 200 && !r.time().isAfter(firstVisible))
                .map(RecordedRequest::time).max(Instant::compareTo);
    }

    long count(Instant from, Instant to) {
        return requests.stream().filter(r -> within(r, from, to)).count();
    }

    long failed(Instant from, Instant to) {
        return requests.stream().filter(r -> within(r, from, to) && r.status() != 200).count();
    }

    private static boolean within(RecordedRequest r, Instant from, Instant to) {
        return !r.time().isBefore(from) && !r.time().isAfter(to);
    }

    private static String key(String subscriptionId, String page) {
        return subscriptionId + "\n" + page;
    }
}
