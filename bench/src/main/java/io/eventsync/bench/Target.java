package io.eventsync.bench;

import java.util.Locale;

/** What issue 8 says we will publish for a scenario: a minimum ratio to its limit, or a maximum p99. */
record Target(double minRatio, double maxP99Ms) {

    static final Target NONE = new Target(Double.NaN, Double.NaN);

    static Target ratio(double min) {
        return new Target(min, Double.NaN);
    }

    static Target p99(double maxMs) {
        return new Target(Double.NaN, maxMs);
    }

    boolean exists() {
        return !Double.isNaN(minRatio) || !Double.isNaN(maxP99Ms);
    }

    String describe() {
        if (!Double.isNaN(minRatio)) {
            return String.format(Locale.ROOT, "ratio ≥ %.1f", minRatio);
        }
        return Double.isNaN(maxP99Ms) ? "—" : String.format(Locale.ROOT, "p99 ≤ %.0f ms", maxP99Ms);
    }

    boolean metBy(ScenarioResult s, double ratio) {
        if (!Double.isNaN(minRatio)) {
            return ratio >= minRatio;
        }
        return !Double.isNaN(maxP99Ms) && s.stats(Iteration::p99Ms).median() <= maxP99Ms;
    }
}
