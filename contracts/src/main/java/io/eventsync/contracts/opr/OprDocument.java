package io.eventsync.contracts.opr;

/**
 * A top-level OPR document as OMi sends it: one event, a list of events, one event change or a
 * list of event changes. The root element (XML) or shape (JSON) tells which.
 */
public sealed interface OprDocument permits OprEvent, OprEventList, OprEventChange, OprEventChangeList {
}
