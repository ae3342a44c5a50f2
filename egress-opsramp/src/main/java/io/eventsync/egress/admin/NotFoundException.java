package io.eventsync.egress.admin;

/** An unknown tenant, installed integration or integration event: 404. */
final class NotFoundException extends RuntimeException {

    NotFoundException(String detail) {
        super(detail);
    }
}
