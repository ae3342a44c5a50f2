package io.eventsync.egress.admin;

/** A change the resource's state does not allow (a route defined in configuration): 409. */
final class ConflictException extends RuntimeException {

    ConflictException(String detail) {
        super(detail);
    }
}
