package io.eventsync.egress.delivery;

import java.util.Optional;
import reactor.core.publisher.Mono;

/** The {@code Authorization} a notifier sends, if any. */
public interface Credentials {

    Credentials NONE = new Credentials() {
        @Override
        public Mono<Optional<String>> authorization() {
            return Mono.just(Optional.empty());
        }

        @Override
        public void rejected() {
        }
    };

    Mono<Optional<String>> authorization();

    /** The target answered 401: a cached token is dropped so that the next request gets a new one. */
    void rejected();
}
