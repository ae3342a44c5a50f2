package io.eventsync.egress.hook;

import io.eventsync.egress.delivery.TargetAnswer;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * One call of the back-sync hook. Its outcome reads like a target's answer, so the same forwarding
 * rules retry it: success is 2xx, a failure is retryable (5xx), a timeout is no answer.
 */
interface Hook {

    String INIT = "Init";
    String CLOSE = "Close";

    Mono<TargetAnswer> call(String operation, Optional<String> id);

    /** What the hook is, for logs and dead letters; never with credentials. */
    String describe();
}
