package io.eventsync.bench;

import java.util.List;

/** One drain's own topics, so that no run sees another's records, dead letters or routes. */
record EgressTopics(String source, String deadLetters, String replay, String routes) {

    static EgressTopics named(String tag) {
        return new EgressTopics("bench.egress." + tag + ".opr.events", "bench.egress." + tag + ".dlq",
                "bench.egress." + tag + ".replay", "bench.egress." + tag + ".routes");
    }

    List<String> all() {
        return List.of(source, deadLetters, replay, routes);
    }
}
