package io.eventsync.ingest.ofsc;

/** What a failed OFSC call means for the poller; decided once, in {@link OfscClient}. */
public enum OfscFailure {
    /** I/O, timeouts, 408, 429, 5xx, a body that is not JSON: try the same request again later. */
    RETRYABLE,
    /** The page marker was refused: only a {@code since} recovery can continue. */
    MARKER_REJECTED,
    /** 401 after a fresh token, or 403: the credentials or the subscription's owner are wrong. */
    UNAUTHORIZED,
    /** Anything else (unknown or expired subscription, a request OFSC calls wrong): a person must look. */
    FATAL
}
