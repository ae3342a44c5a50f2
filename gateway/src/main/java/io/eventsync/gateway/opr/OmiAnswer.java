package io.eventsync.gateway.opr;

import io.eventsync.contracts.opr.OprDocument;

/**
 * What OMi is answered for a forward: the document (the event or change, or the list of those Kafka
 * acknowledged), and whether that is every item of the request. A list that leaves items out has OMi
 * resend them in a later bulk; the answer then also says when ({@code Retry-After}).
 */
record OmiAnswer(OprDocument document, boolean complete) {
}
