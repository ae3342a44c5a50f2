package io.eventsync.ingest.ofsc;

import reactor.core.publisher.Mono;

/** The {@code Authorization} header value for OFSC calls. */
public interface OfscAuthorization {

    Mono<String> header();

    /** OFSC answered 401: forget whatever was cached, so the next {@link #header()} is fresh. */
    void invalidate();

    /** Whether a 401 might go away with a fresh credential (a token can; a Basic secret cannot). */
    boolean canRefresh();
}
