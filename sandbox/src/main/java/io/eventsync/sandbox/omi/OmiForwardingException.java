package io.eventsync.sandbox.omi;

/**
 * The gateway did not take what OMi forwarded: it answered other than 2xx, or its answer left events out.
 * The message names the request, the status and the body, so a failing test says what the gateway said.
 */
public final class OmiForwardingException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** Enough of a body to see a problem's detail; a whole HTML error page helps nobody. */
    private static final int BODY_SHOWN = 2_000;

    private final int status;
    private final String body;

    OmiForwardingException(String request, int status, String body, String why) {
        super(request + ": " + why + " (status " + status + ", body: " + shown(body) + ")");
        this.status = status;
        this.body = body;
    }

    /** The status the gateway answered. */
    public int status() {
        return status;
    }

    /** The body it answered with, as text. */
    public String body() {
        return body;
    }

    /** The start of the body, as much as the message shows; for the control API's 502. */
    String bodyExcerpt() {
        return excerpt(body);
    }

    private static String shown(String body) {
        return body.isEmpty() ? "empty" : excerpt(body);
    }

    private static String excerpt(String body) {
        return body.length() <= BODY_SHOWN ? body : body.substring(0, BODY_SHOWN) + "...";
    }
}
