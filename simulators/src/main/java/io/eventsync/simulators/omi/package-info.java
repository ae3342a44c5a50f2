/**
 * OMi as the OPR client that forwards events and event changes to a connected server of type External
 * Event Processing, modelled from "Forward events and event changes from OPR client" and nothing else:
 * {@link io.eventsync.simulators.omi.OmiForwarder} sends what a test gives it and reads every answer as OMi
 * does (bulk answers matched by {@code sequence_number}, items left out resent later, a 5xx resends each
 * item alone, a 4xx marks every item of the request failed for good), and
 * {@link io.eventsync.simulators.omi.ForwardingTally} says what came of it. Documents are plain element
 * trees ({@link io.eventsync.simulators.omi.OprNode}) written and read by this package's own XML and JSON
 * code; none of eventsync's model, codec or rules is used, so the model can judge them.
 *
 * <p>Where the document is silent, the model's choices, each one a thing a target must cope with:
 * <ul>
 *   <li>XML by default, in the OPR namespace; lists optionally as {@code application/xml;type=collection};
 *       JSON in a wrapped, all-strings shape or a bare one ({@link io.eventsync.simulators.omi.OprJson}).</li>
 *   <li>A single request that gets a 5xx or no answer is resent later (after {@code Retry-After}, capped);
 *       a bulk that gets no answer is resent later as a bulk. OMi's own intervals are minutes; the model's
 *       are settings.</li>
 *   <li>A single event answered 2xx without an {@code id} is not forwarded (OMi has no external id to keep)
 *       and is resent; a listed bulk item without an {@code id} counts as left out.</li>
 *   <li>Changes name their event by {@code target_id} and {@code target_global_id} unless configured
 *       otherwise, and go out only once their event was acknowledged, one at a time per event.</li>
 * </ul>
 */
package io.eventsync.simulators.omi;
