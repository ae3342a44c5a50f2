package io.eventsync.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one run does; parsed once from the command line, validated, then read-only. */
record BenchOptions(boolean smoke, Path out, int iterations, int durationSeconds, int warmupSeconds,
        int concurrency, int limitRecords, int limitIterations, int partitions, Set<String> only,
        List<String> commandLine) {

    /** The groups of scenarios {@code --only} chooses from; the limit always runs. */
    static final List<String> GROUPS = List.of("gateway", "ingest", "egress", "e2e");

    static final int RECORD_SIZE = 1024;

    /** Where the published numbers live: only a full run of every group writes there unless told. */
    static final Path PUBLISHED = Path.of("docs");
    /** Where any other run writes unless told, so that a profiling run cannot replace the published numbers. */
    static final Path PARTIAL = Path.of("bench", "target", "partial-run");

    static BenchOptions parse(String... args) {
        boolean smoke = false;
        Path out = null;
        Integer iterations = null;
        Integer duration = null;
        int partitions = 3;
        Set<String> only = new LinkedHashSet<>(GROUPS);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--iterations" -> iterations = positive(value(args, ++i, "--iterations"), "--iterations");
                case "--duration" -> duration = positive(value(args, ++i, "--duration"), "--duration");
                case "--only" -> only = groups(value(args, ++i, "--only"));
                case "--partitions" -> partitions = positive(value(args, ++i, "--partitions"), "--partitions");
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; allowed: --smoke, --out DIR, --iterations N, --duration SECONDS, --partitions N, --only "
                        + String.join(",", GROUPS));
            }
        }
        if (out == null) {
            boolean full = !smoke && iterations == null && duration == null && only.containsAll(GROUPS);
            out = full ? PUBLISHED : PARTIAL;
        }
        // Smoke: enough to prove every step works end to end, not to measure anything.
        int its = iterations != null ? iterations : smoke ? 1 : 3;
        int dur = duration != null ? duration : smoke ? 2 : 10;
        int warmup = smoke ? 1 : 10;
        int limitRecords = smoke ? 20_000 : 500_000;
        int limitIterations = smoke ? 1 : 3;
        return new BenchOptions(smoke, out, its, dur, warmup, 8, limitRecords, limitIterations, partitions, Set.copyOf(only),
                List.of(args));
    }

    boolean runs(String group) {
        return only.contains(group);
    }

    private static Set<String> groups(String list) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String group : list.split(",")) {
            if (!GROUPS.contains(group.trim())) {
                throw new IllegalArgumentException("--only takes a comma-separated list of " + String.join(", ", GROUPS)
                        + ", not '" + group + "'");
            }
            chosen.add(group.trim());
        }
        return chosen;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive integer, not '" + text + "'");
    }
}
