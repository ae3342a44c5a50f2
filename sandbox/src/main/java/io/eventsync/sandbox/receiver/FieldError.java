package io.eventsync.sandbox.receiver;

/**
 * One field at fault in a request that is refused whole, as listed in the problem's {@code errors}.
 *
 * @param index the item's position in the request (0 for a single document)
 * @param field the field's name
 * @param pointer a JSON pointer into the request body
 * @param detail what is wrong with it
 */
record FieldError(int index, String field, String pointer, String detail) {
}
