package io.eventsync.sandbox.omi;

/**
 * The simulator's own control panel under {@link #PREFIX}, as the receiver simulator has {@code /sim/status}:
 * for a person or a shell script driving a run. It is not OMi's API, so it asks for no connected server's
 * credentials. It sits behind the router like the web service, so its requests are recorded and meet the
 * faults of a scope their path falls in ({@code "/sim/..."} or {@code "/"}), never those scoped to the web
 * service's base.
 */
final class ControlApi {

    static final String PREFIX = "/sim/";
    static final String FORWARD = PREFIX + "forward";
    static final String EVENTS = PREFIX + "events";

    private final ForwardCommand forward;
    private final EventListing events;

    ControlApi(ForwardCommand forward, EventListing events) {
        this.forward = forward;
        this.events = events;
    }

    static boolean serves(String path) {
        return path.startsWith(PREFIX);
    }

    SyncAnswer answer(SyncRequest request) {
        switch (request.path()) {
            case FORWARD -> {
                request.allow("POST");
                return forward.answer(request);
            }
            case EVENTS -> {
                request.allow("GET");
                return events.answer();
            }
            default -> throw SyncProblem.of(404, "No such resource: " + request.path() + " (the control API serves"
                    + " POST " + FORWARD + " and GET " + EVENTS + ")");
        }
    }
}
