package io.eventsync.egress.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** HTTP Basic with the notifier's user name and (opened) password. */
public final class BasicCredentials implements Credentials {

    private final String header;

    public BasicCredentials(String userName, String password) {
        this.header = "Basic " + Base64.getEncoder().encodeToString(
                ((userName == null ? "" : userName) + ":" + (password == null ? "" : password))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Mono<Optional<String>> authorization() {
        return Mono.just(Optional.of(header));
    }

    @Override
    public void rejected() {
    }

    @Override
    public String toString() {
        return "BasicCredentials[******]";
    }
}
