package io.eventsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole harness in smoke mode, so that it cannot rot between real runs. No timing assertions. */
class BenchSmokeIT {

    @TempDir
    Path out;

    @Test
    void smokeRunWritesTableJsonAndChartForTheLimitAndEveryScenario() throws Exception {
        Bench.run(BenchOptions.parse("--smoke", "--out", out.toString()));

        Path md = out.resolve("benchmarks.md");
        Path json = out.resolve("benchmarks.json");
        Path png = out.resolve("benchmarks.png");
        assertThat(md).exists();
        assertThat(json).exists();
        assertThat(png).exists();

        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(json));
        assertThat(root.path("smoke").asBoolean()).isTrue();
        assertThat(root.path("machine").path("cores").asInt()).isPositive();
        JsonNode limit = root.path("limit");
        assertThat(limit.path("eventsPerSec").asDouble()).isPositive();
        assertThat(limit.path("producer").path("iterations").get(0).path("events").asLong()).isPositive();
        assertThat(limit.path("consumer").path("iterations").get(0).path("events").asLong()).isPositive();

        JsonNode scenarios = root.path("scenarios");
        assertThat(scenarios.valueStream().map(s -> s.path("name").asString()))
                .containsExactly("gateway-bulk-100-json", "gateway-bulk-100-xml",
                        "gateway-bulk-500-json", "gateway-bulk-500-xml",
                        GatewaySingleScenario.MAX, GatewaySingleScenario.FIXED,
                        IngestScenario.ZERO_LATENCY, IngestScenario.REALISTIC_LATENCY,
                        "egress-opr-bulk-100", "egress-opr-bulk-500", "egress-webhook",
                        "egress-opr-bulk-100-5xx", "egress-opr-bulk-500-5xx", "egress-webhook-5xx",
                        EndToEndScenario.NAME);
        assertThat(scenarios.valueStream().filter(s -> s.has("target")).map(s -> s.path("name").asString()))
                .contains("gateway-bulk-100-json", IngestScenario.ZERO_LATENCY, "egress-opr-bulk-500-5xx",
                        EndToEndScenario.NAME);
        assertThat(scenarios.valueStream().filter(s -> s.path("name").asString().startsWith("egress-"))
                .map(s -> s.path("baseline").asString())).containsOnly("consumer");
        for (JsonNode scenario : scenarios) {
            assertThat(scenario.path("ratioToLimit").asDouble()).as(scenario.path("name").asString()).isPositive();
            for (JsonNode iteration : scenario.path("iterations")) {
                assertThat(iteration.path("events").asLong()).as(scenario.path("name").asString()).isPositive();
            }
        }
        assertThat(root.path("saturationProbe").size()).isEqualTo(2);
        assertThat(Files.readString(md)).contains("gateway-bulk-500-xml").contains("Smoke run");

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isPositive();
    }
}
