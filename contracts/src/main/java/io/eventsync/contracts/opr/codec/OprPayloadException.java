package io.eventsync.contracts.opr.codec;

/**
 * A document that cannot be accepted, with the place at fault as a JSON pointer into the
 * document as read ({@code /event/2/severity}); empty when the document as a whole is wrong.
 */
public final class OprPayloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the document was refused; each maps to one problem type. */
    public enum Reason {
        MALFORMED, INVALID_VALUE, MISSING_VALUE, WRONG_DOCUMENT, FORBIDDEN_CONSTRUCT, LIMIT_EXCEEDED
    }

    private final Reason reason;
    private final String pointer;

    public OprPayloadException(Reason reason, String pointer, String message) {
        super(message);
        this.reason = reason;
        this.pointer = pointer == null ? "" : pointer;
    }

    public OprPayloadException(Reason reason, String pointer, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.pointer = pointer == null ? "" : pointer;
    }

    public Reason reason() {
        return reason;
    }

    public String pointer() {
        return pointer;
    }
}
