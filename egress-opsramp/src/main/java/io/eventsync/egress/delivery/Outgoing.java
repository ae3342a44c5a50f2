package io.eventsync.egress.delivery;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One record a route selected, ready to send.
 *
 * @param sequence the item's number within the route's pipeline: the {@code sequence_number} of
 *     OPR bulks, and how the forwarding rules name items
 * @param item what the pipeline selected the record as (for a route, the entity event it stands for)
 * @param body what is sent for it (a route's rendered template, or the event view)
 */
public record Outgoing<T>(long sequence, SourceRecord record, T item, String body) {

    /** The sequence numbers of {@code items}: what a target that takes a request whole has taken. */
    public static Set<Long> sequences(List<? extends Outgoing<?>> items) {
        return items.stream().map(Outgoing::sequence).collect(Collectors.toUnmodifiableSet());
    }
}
