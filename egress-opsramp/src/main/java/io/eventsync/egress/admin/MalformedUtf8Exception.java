package io.eventsync.egress.admin;

/** A JSON body that is not well-formed UTF-8: 400, and nothing of it is bound. */
final class MalformedUtf8Exception extends RuntimeException {

    MalformedUtf8Exception(long offset) {
        super("the body is not well-formed UTF-8 (RFC 3629) at byte " + offset
                + ": an overlong form, an encoded surrogate, a code point past U+10FFFF, a cut-short sequence "
                + "or a byte UTF-8 never uses");
    }
}
