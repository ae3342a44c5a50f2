/**
 * A simulator of the third parties egress delivers to: an OPR-compliant target (seed 000), OpsRamp's
 * token endpoint and alerts API (PROTOCOLS.md, "OpsRamp"), and webhook targets with the notifier
 * authentication types of seed 002 (NONE, BASIC, OAUTH2 with client credentials, password and refresh
 * token grants). {@link io.eventsync.sandbox.receiver.ReceiverSimulator} is the entry point;
 * {@link io.eventsync.sandbox.receiver.ReceiverSimulatorSettings} what a run may vary;
 * {@link io.eventsync.sandbox.receiver.Faults} what can go wrong on purpose.
 *
 * <p>The seeds leave these points open; the simulator's choices, which a client may rely on here and
 * should not assume of a real receiver:
 * <ul>
 *   <li>External event ids are random UUIDs. An event whose OMi {@code id} was seen before keeps its
 *       external id (a resend after a lost answer is not a second event) and its new content replaces the
 *       stored one; an event without an {@code id} always gets a new one. {@code eventsReceived()} lists
 *       every acceptance, resends included.</li>
 *   <li>Success is 200 for every OPR call. A bulk answer lists whole events (not only id and
 *       {@code sequence_number}), in request order, in the request's format; a GET answers in the first
 *       of JSON or XML that Accept names, XML by default.</li>
 *   <li>A bulk item without {@code sequence_number} is accepted and answered without one.</li>
 *   <li>A bulk of changes is refused whole: 400 when an item has no {@code event_ref} (every such index
 *       listed), 404 when an {@code event_ref} names no known event, 400 when a change cannot be applied.
 *       An {@code event_ref} is resolved by {@code target_global_id}, then {@code global_id} (external
 *       ids), then {@code target_id}, then {@code id} (OMi ids). One change posted to the bulk path, or a
 *       list to the single path, is a 400.</li>
 *   <li>Changes are applied with the gateway's own rules (document order, list properties by
 *       {@code change_operation}), so {@code GET /opr/event/<id>} shows the event as currently known.</li>
 *   <li>Items a partial fault leaves out of a bulk answer are not accepted at all.</li>
 *   <li>OpsRamp: any tenant id is accepted. {@code currentState} must be CRITICAL, WARNING, OK or INFO, in
 *       any case (the values its documentation names); {@code device} is required, although OpsRamp also
 *       takes a {@code resource} object instead. A request with any invalid alert is refused whole, every
 *       field at fault listed as {@code errors: [{index, field, pointer, detail}]}. Success is
 *       {@code {"eventIds": [...]}}, one per alert in request order. Its token answers "bearer", scope
 *       "global"; its throttled answers follow its throttling documentation (limit 200, reset in epoch
 *       seconds, body with {@code error} and {@code error_description}).</li>
 *   <li>Both token endpoints share one lifetime. OpsRamp tokens are accepted only under {@code /api/},
 *       the generic server's only under {@code /hooks/bearer/}. Refresh tokens never expire and rotate on
 *       use. A client authenticating both by Basic and by form fields is refused (RFC 6749 2.3.1).</li>
 *   <li>Every error body is RFC 9457 problem JSON ({@code type} about:blank); OAuth errors add
 *       {@code error} and {@code error_description}. An expired or unknown token gets
 *       {@code WWW-Authenticate: Bearer ..., error="invalid_token"}, a missing one a challenge without an
 *       error code (RFC 6750 section 3.1).</li>
 *   <li>Faults are scoped by path prefix and come before authentication; the most specific scope with a
 *       fault to inject decides, latencies of nested scopes add up. {@code /sim/} meets no faults.</li>
 * </ul>
 */
package io.eventsync.sandbox.receiver;
