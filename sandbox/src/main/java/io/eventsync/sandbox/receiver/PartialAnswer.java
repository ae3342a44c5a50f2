package io.eventsync.sandbox.receiver;

/** How many trailing items of a bulk answer a partial fault leaves out. */
final class PartialAnswer {

    private PartialAnswer() {
    }

    /** Uses up a partial fault only for a bulk that has items to leave out; never more than it has. */
    static int omitted(FaultScopes faults, String path, int items) {
        if (items == 0) {
            return 0;
        }
        return Math.min(items, faults.takePartial(path).orElse(0));
    }
}
