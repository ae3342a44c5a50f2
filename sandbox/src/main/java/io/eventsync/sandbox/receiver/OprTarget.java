package io.eventsync.sandbox.receiver;

/**
 * An OPR-compliant Event Synchronization Web Service (seed 000) under {@code /opr}, the base URL a
 * connected server in OMi would be configured with: HTTP Basic first when the settings ask for it, then
 * the seed's five calls by path. Anything else under {@code /opr} is a 404 (or 405 for a known path).
 */
final class OprTarget {

    static final String BASE = "/opr";
    private static final String EVENT = "/event";
    private static final String EVENT_CHANGE = "/event_change";

    private final Credentials basic;
    private final OprEventsEndpoint events;
    private final OprChangesEndpoint changes;

    OprTarget(Credentials basic, OprEventsEndpoint events, OprChangesEndpoint changes) {
        this.basic = basic;
        this.events = events;
        this.changes = changes;
    }

    static boolean serves(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    Answer answer(IncomingRequest request) {
        if (basic != null) {
            BasicAuthorization.require(request.header("Authorization"), basic, "opr");
        }
        String rest = request.path().substring(BASE.length());
        if (rest.isEmpty() || rest.equals("/")) {
            allow(request, "HEAD");
            return Answer.empty(200);
        }
        if (rest.equals(EVENT)) {
            allow(request, "POST");
            return events.post(request);
        }
        if (rest.equals(EVENT_CHANGE) || rest.equals(EVENT_CHANGE + "/")) {
            allow(request, "POST");
            return changes.postBulk(request);
        }
        String eventId = idAfter(rest, EVENT + "/");
        if (eventId != null) {
            allow(request, "GET");
            return events.get(request, eventId);
        }
        String changedId = idAfter(rest, EVENT_CHANGE + "/");
        if (changedId != null) {
            allow(request, "POST");
            return changes.postOne(request, changedId);
        }
        throw Problem.notFound("No such resource: " + request.path());
    }

    /** The one path segment after {@code prefix}, or null when the path is not {@code prefix<id>}. */
    private static String idAfter(String path, String prefix) {
        if (!path.startsWith(prefix)) {
            return null;
        }
        String id = path.substring(prefix.length());
        return id.isEmpty() || id.contains("/") ? null : id;
    }

    private static void allow(IncomingRequest request, String method) {
        if (!request.method().equals(method)) {
            throw Problem.methodNotAllowed(request.method(), method);
        }
    }
}
