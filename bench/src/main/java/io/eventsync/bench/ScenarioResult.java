package io.eventsync.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** A scenario's iterations, and what the report derives from them. */
record ScenarioResult(String name, String description, List<Iteration> iterations) {

    Stats stats(ToDoubleFunction<Iteration> metric) {
        return Stats.of(iterations.stream().map(metric::applyAsDouble).toList());
    }

    double ratioTo(double limitEventsPerSec) {
        return stats(Iteration::eventsPerSec).median() / limitEventsPerSec;
    }
}
