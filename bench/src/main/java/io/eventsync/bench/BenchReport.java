package io.eventsync.bench;

import java.util.List;

/**
 * Everything one run measured: the machine, the limit, each scenario, and the saturation probe (the
 * first gateway variant once more at the usual concurrency, then straight after at twice that; null when the
 * gateway scenarios did not run).
 */
record BenchReport(MachineInfo machine, String command, boolean smoke, String startedAt, double wallSeconds,
        ScenarioResult limitProducer, ScenarioResult limitConsumer, List<ScenarioResult> scenarios,
        ScenarioResult probeBase, ScenarioResult saturationProbe) {

    double limitEventsPerSec() {
        return limitProducer.stats(Iteration::eventsPerSec).median();
    }

    /** The median rate of the limit {@code s} is compared with. */
    double limitFor(ScenarioResult s) {
        ScenarioResult limit = s.baseline() == ScenarioResult.Baseline.CONSUMER ? limitConsumer : limitProducer;
        return limit.stats(Iteration::eventsPerSec).median();
    }
}
