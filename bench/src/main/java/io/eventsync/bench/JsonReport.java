package io.eventsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** benchmarks.json: every iteration's raw numbers, and the ratio each scenario's median makes to the limit. */
final class JsonReport {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {
    }

    static void write(BenchReport report, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", report.machine());
        root.put("command", report.command());
        root.put("smoke", report.smoke());
        root.put("startedAt", report.startedAt());
        root.put("wallSeconds", report.wallSeconds());
        root.put("limit", Map.of("producer", scenario(report.limitProducer(), Double.NaN),
                "consumer", scenario(report.limitConsumer(), Double.NaN),
                "eventsPerSec", report.limitEventsPerSec()));
        root.put("scenarios", report.scenarios().stream().map(s -> scenario(s, report.limitFor(s))).toList());
        if (report.probeBase() != null && report.saturationProbe() != null) {
            root.put("saturationProbe", List.of(scenario(report.probeBase(), report.limitEventsPerSec()),
                    scenario(report.saturationProbe(), report.limitEventsPerSec())));
        }
        Files.writeString(file, MAPPER.writeValueAsString(root));
    }

    private static Map<String, Object> scenario(ScenarioResult s, double limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("description", s.description());
        if (!Double.isNaN(limit)) {
            m.put("baseline", s.baseline().name().toLowerCase(Locale.ROOT));
            m.put("ratioToLimit", s.ratioTo(limit));
            if (s.target().exists()) {
                m.put("target", s.target().describe());
                m.put("targetMet", s.target().metBy(s, s.ratioTo(limit)));
            }
        }
        m.put("medianEventsPerSec", s.stats(Iteration::eventsPerSec).median());
        m.put("iterations", List.copyOf(s.iterations()));
        return m;
    }
}
