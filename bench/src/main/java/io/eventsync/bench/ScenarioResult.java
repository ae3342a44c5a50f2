package io.eventsync.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A scenario's iterations, and what the report derives from them: its ratio to the limit it is
 * compared with (Kafka's producer for what writes to Kafka, its consumer for what reads from it), and
 * the target published for it, if any.
 */
record ScenarioResult(String name, String description, List<Iteration> iterations, Baseline baseline, Target target) {

    /** Which of Kafka's own limits a scenario is divided by. */
    enum Baseline {
        PRODUCER, CONSUMER
    }

    ScenarioResult(String name, String description, List<Iteration> iterations) {
        this(name, description, iterations, Baseline.PRODUCER, Target.NONE);
    }

    ScenarioResult against(Baseline limit) {
        return new ScenarioResult(name, description, iterations, limit, target);
    }

    ScenarioResult aiming(Target goal) {
        return new ScenarioResult(name, description, iterations, baseline, goal);
    }

    Stats stats(ToDoubleFunction<Iteration> metric) {
        return Stats.of(iterations.stream().map(metric::applyAsDouble).toList());
    }

    double ratioTo(double limitEventsPerSec) {
        return stats(Iteration::eventsPerSec).median() / limitEventsPerSec;
    }
}
