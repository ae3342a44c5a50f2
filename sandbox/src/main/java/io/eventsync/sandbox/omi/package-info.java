/**
 * A simulator of OMi (OpsBridge Manager i): its Event Synchronization Web Service, which a connected server
 * calls to sync changes back ("Event Synchronization Web Service"; PROTOCOLS.md, "Sync-back into OMi"), and
 * the OPR client that forwards events and changes to a connected server ("Forward events and event changes
 * from OPR client"). Both are built on the simulators module's independent OMi model: documents are its
 * element trees, read and written by its own XML and JSON code, changed by its {@code ChangeApplication},
 * forwarded by its {@code OmiForwarder}; no eventsync codec or rule is used. {@link io.eventsync.sandbox.omi.OmiSimulator} is the
 * entry point, {@link io.eventsync.sandbox.omi.OmiSimulatorSettings} what a run may vary; faults are the
 * receiver simulator's {@link io.eventsync.sandbox.receiver.Faults}, scoped by path prefix.
 *
 * <p>The documents leave these points open; the simulator's choices, which a client may rely on here and should
 * not assume of a real OMi:
 * <ul>
 *   <li>Success is 200 for every call. {@code PUT event/<id>} answers the event as changed; {@code POST
 *       event_list} the events as changed, each with the {@code sequence_number} it came with; {@code POST
 *       event_change/<id>} and {@code POST event_change_list} echo what was sent.</li>
 *   <li>An event not forwarded to the calling connected server is a 403 whether it is unknown or forwarded
 *       to another one, so a connected server learns nothing of other servers' events.</li>
 *   <li>A request with several items is applied whole or refused whole: 403 for the first item naming an
 *       event the caller may not change, 400 for an item naming no event (an {@code event_change} without
 *       {@code event_ref.target_id} or {@code event_ref.id}, an {@code event} without {@code id}) or a change
 *       that cannot be applied. A single document posted to a list path is a list of one; a list posted to a
 *       single path is a 400.</li>
 *   <li>Changes are applied by the OMi model's rules (document order; custom attributes and annotations
 *       by {@code change_operation}, matched by name and id). A {@code PUT event} sets each field it carries
 *       and updates each custom attribute and annotation it lists, leaving the others. {@code id},
 *       {@code version} and {@code sequence_number} are never changed; an {@code id} that differs from the
 *       path's is a 400.</li>
 *   <li>Answers are in the first format Accept names, else the request's; GET answers XML by default. Any
 *       {@code type=} parameter on a content type is accepted; a content type that is neither XML nor JSON
 *       is a 415.</li>
 *   <li>Faults come before authentication; the most specific scope with a fault decides, latencies of
 *       nested scopes add up. The settings' latency is that of the scope {@code "/"}.</li>
 *   <li>Forwarding sends XML, a bulk as {@code application/xml;type=collection}, numbered 1..n, and follows
 *       OMi's rules for the answer (items left out and 5xx answers are sent again; a call returns once all is
 *       taken, or refused for good, or after a minute). A change OMi forwards is applied to its own event
 *       first, whatever the gateway answers.</li>
 *   <li>The control API ({@code POST /sim/forward}, {@code GET /sim/events}) is the simulator's, not OMi's:
 *       no credentials, plain JSON answers, recorded like every request. It meets only faults scoped to
 *       {@code "/"} or a prefix of its own path. Forwarding without a gateway URL is a 409; a gateway that
 *       refuses, or has not taken them within a minute, is a 502, with {@code
 *       gateway_status} and {@code gateway_body} (its first 2,000 characters) when it answered.</li>
 * </ul>
 */
package io.eventsync.sandbox.omi;
