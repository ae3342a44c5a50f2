package io.eventsync.sandbox.omi;

/**
 * OMi's Event Synchronization Web Service under {@link #BASE}: HTTP Basic as a connected server first, then
 * the calls PROTOCOLS.md ("Sync-back into OMi") lists, by path. Anything else under the base is a 404, a
 * known path with another method a 405.
 */
final class SynchronizationService {

    static final String BASE = "/opr-gateway/rest/9.10/synchronization/";
    private static final String EVENT = "event";
    private static final String EVENT_CHANGE = "event_change";
    private static final String EVENT_CHANGE_LIST = "event_change_list";
    private static final String EVENT_LIST = "event_list";

    private final ConnectedServers servers;
    private final EventEndpoint events;
    private final EventChangeEndpoint changes;

    SynchronizationService(ConnectedServers servers, EventEndpoint events, EventChangeEndpoint changes) {
        this.servers = servers;
        this.events = events;
        this.changes = changes;
    }

    /** The base itself, with or without its trailing slash, and everything below it. */
    static boolean serves(String path) {
        return path.startsWith(BASE) || path.equals(BASE.substring(0, BASE.length() - 1));
    }

    SyncAnswer answer(SyncRequest request) {
        request.authenticatedAs(servers.authenticate(request.header("Authorization")));
        String rest = request.path().length() < BASE.length() ? "" : request.path().substring(BASE.length());
        if (rest.isEmpty()) {
            request.allow("HEAD");
            return SyncAnswer.empty(200);
        }
        // A collection may be named with a trailing slash; an id is exactly one more segment.
        String[] segments = rest.split("/", -1);
        String resource = segments[0];
        boolean collection = segments.length == 1 || segments.length == 2 && segments[1].isEmpty();
        String id = segments.length == 2 && !segments[1].isEmpty() ? segments[1] : null;
        if (collection && resource.equals(EVENT_CHANGE_LIST)) {
            request.allow("POST");
            return changes.postList(request);
        }
        if (collection && resource.equals(EVENT_LIST)) {
            request.allow("POST");
            return events.postList(request);
        }
        if (id != null && resource.equals(EVENT)) {
            request.allow("GET, PUT");
            return request.method().equals("GET") ? events.get(request, id) : events.put(request, id);
        }
        if (id != null && resource.equals(EVENT_CHANGE)) {
            request.allow("POST");
            return changes.postOne(request, id);
        }
        throw SyncProblem.of(404, "No such resource: " + request.path() + " (the synchronization web service"
                + " serves event/<id>, event_change/<id>, event_change_list and event_list under " + BASE + ")");
    }
}
