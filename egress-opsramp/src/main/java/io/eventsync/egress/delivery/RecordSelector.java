package io.eventsync.egress.delivery;

import reactor.core.publisher.Mono;

/** Decides, per record, what a pipeline sends for it: a route's filter and template, or sync-back's lookup. */
public interface RecordSelector<T> {

    /** Never errors: a record that cannot be read is a {@link Selection#refuse refusal}. */
    Mono<Selection<T>> select(SourceRecord record);
}
