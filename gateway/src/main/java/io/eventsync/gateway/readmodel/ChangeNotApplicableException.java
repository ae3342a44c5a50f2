package io.eventsync.gateway.readmodel;

/** A property change that cannot be applied to the event it names (a value of the wrong kind). */
public final class ChangeNotApplicableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int changeIndex;

    public ChangeNotApplicableException(int changeIndex, String message, Throwable cause) {
        super(message, cause);
        this.changeIndex = changeIndex;
    }

    /** Position of the offending entry within {@code changed_properties}. */
    public int changeIndex() {
        return changeIndex;
    }
}
