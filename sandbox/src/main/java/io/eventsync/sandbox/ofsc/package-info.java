/**
 * A simulator of Oracle Field Service's event API ("Get events", seed 003, and its subscription calls),
 * for testing the OFSC poller and for the sandbox. {@link io.eventsync.sandbox.ofsc.OfscSimulator} is the
 * entry point; {@link io.eventsync.sandbox.ofsc.OfscSimulatorSettings} what a run may vary;
 * {@link io.eventsync.sandbox.ofsc.Faults} what can go wrong on purpose.
 *
 * <p>OFSC leaves these points open; the simulator's choices, which a poller may rely on here and should
 * not assume of OFSC itself:
 * <ul>
 *   <li>A page marker is a log position ("everything after event N"), {@code yymmdd-<N>,<check>}, at most
 *       34 characters. The same marker always gives the same events while they are retained.</li>
 *   <li>A marker this simulator did not produce (edited, from an earlier run, the reference's example) is
 *       400 "Invalid page".</li>
 *   <li>A marker some of whose following events have been removed by retention, unread, is 400 with a
 *       detail saying it is no longer valid because its events expired. OFSC does not document this; it
 *       only warns that events are lost when read too slowly. The check is on the whole log, not only
 *       the subscription's event types. Reading without {@code page} then starts at the oldest retained
 *       event.</li>
 *   <li>{@code nextPage} is the last returned event's position when the page is full, else the head of
 *       the log when the request began: an empty answer still moves past events of other types.</li>
 *   <li>{@code lastRequested} is the position the last successful events request started from (with or
 *       without {@code page}), the creation marker before any.</li>
 *   <li>{@code since} finds the first retained event at or after that second, so a recovering reader may
 *       see events of that same second again; it never reaches back before the subscription's creation.
 *       It refreshes the idle timer but does not set {@code lastRequested}.</li>
 *   <li>A subscription's filter is its event types only; {@code fields}, {@code monitorChanges} and
 *       {@code filterExpression} are kept and echoed, not applied.</li>
 *   <li>Retention is by event {@code time}, removing from the old end of the log only.</li>
 *   <li>Faults, the rate limit and authentication come before parameter checks; a request that meets a
 *       fault changes nothing (no {@code lastRequested}, no idle refresh).</li>
 *   <li>The rate limit (not an OFSC feature) counts admitted requests per client in fixed one-second
 *       windows of the injected clock; {@code Retry-After} is 1.</li>
 * </ul>
 */
package io.eventsync.sandbox.ofsc;
