package io.eventsync.egress.delivery;

import java.util.List;
import reactor.core.publisher.Mono;

/** Where records a route gives up on go; completes once they are safely stored. */
public interface DeadLetters {

    Mono<Void> write(List<DeadLetter> letters);
}
