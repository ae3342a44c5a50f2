package io.eventsync.egress.admin;

/** A request whose URL Spring cannot make a URI of ({@code %zz}): it never reaches a handler. */
final class UnparsableUrlException extends RuntimeException {

    UnparsableUrlException() {
        super("the request's URL is not a URI");
    }
}
