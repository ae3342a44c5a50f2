package io.eventsync.egress.syncback;

import io.eventsync.contracts.opr.OprEventChange;
import io.eventsync.egress.syncback.ForwardedEvents.Forwarded;

/** One change on its way to OMi: the event it is for, and the OMi event change that carries it. */
public record SyncBackItem(Forwarded event, OprEventChange change) {
}
