package io.eventsync.egress.delivery;

import io.eventsync.egress.entity.EntityEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One record a route selected, ready to send.
 *
 * @param sequence the item's number within the route's pipeline: the {@code sequence_number} of
 *     OPR bulks, and how the forwarding rules name items
 * @param body what the route renders for it (template, or the event view)
 */
public record Outgoing(long sequence, SourceRecord record, EntityEvent event, String body) {

    /** The sequence numbers of {@code items}: what a target that takes a request whole has taken. */
    public static Set<Long> sequences(List<Outgoing> items) {
        return items.stream().map(Outgoing::sequence).collect(Collectors.toUnmodifiableSet());
    }
}
