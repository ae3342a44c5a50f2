package io.eventsync.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The apps' real Jib configuration, built into image tars the way {@code docs/operations.md} says,
 * on a stand-in base image (no registry can be reached here, so the Temurin base cannot be pulled):
 * each image runs its app's main class as UID 10001, exposes its port and sizes the JVM by the
 * container's memory.
 */
class ImageConfigurationIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> CONFIGS = new HashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildImages() throws Exception {
        Path base = BaseImageTar.write(dir.resolve("base.tar"));
        Path log = dir.resolve("jib.log");
        Process build = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "-B", "-q",
                "-pl", "gateway,ingest-ofsc,egress-opsramp", "-am", "-Dmaven.test.skip=true",
                "package", "jib:buildTar", "-Dimage.base=tar://" + base, "-Dimage.tag=it")
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(build.waitFor(15, TimeUnit.MINUTES)).as("the image build finished").isTrue();
        assertThat(build.exitValue()).as(Files.readString(log)).isZero();
        for (String app : List.of("gateway", "ingest-ofsc", "egress-opsramp")) {
            CONFIGS.put(app, config(ROOT.resolve(app).resolve("target/jib-image.tar")));
        }
    }

    static Stream<Arguments> apps() {
        return Stream.of(Arguments.of("gateway", "io.eventsync.gateway.GatewayApplication", "8080"),
                Arguments.of("ingest-ofsc", "io.eventsync.ingest.IngestApplication", "8081"),
                Arguments.of("egress-opsramp", "io.eventsync.egress.EgressApplication", "8082"));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void eachImageRunsItsAppAsTheNonRootUserOnItsPortWithContainerSizedMemory(String app, String main, String port) {
        JsonNode config = CONFIGS.get(app).path("config");
        assertThat(config.path("User").asText()).isEqualTo("10001:10001");
        assertThat(config.path("Entrypoint").toString()).contains("\"java\"").contains(main);
        assertThat(config.path("ExposedPorts").has(port + "/tcp")).isTrue();
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/tmp");
        assertThat(config.path("Env").toString()).contains("JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75")
                .contains("-XX:+ExitOnOutOfMemoryError");
    }

    /** The image's config file, found through the tar's manifest.json. */
    private static JsonNode config(Path image) throws IOException {
        Map<String, byte[]> files = Tar.read(image);
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.get(0).path("RepoTags").toString()).contains(":it");
        return JSON.readTree(new String(files.get(manifest.get(0).path("Config").asText()), StandardCharsets.UTF_8));
    }

    /** Reads the regular files of a tar (ustar, no compression) into memory. */
    private static final class Tar {

        static Map<String, byte[]> read(Path file) throws IOException {
            Map<String, byte[]> files = new HashMap<>();
            try (InputStream in = Files.newInputStream(file)) {
                byte[] header = new byte[512];
                while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                    String name = new String(header, 0, 100, StandardCharsets.US_ASCII).trim().replace("\0", "");
                    long size = Long.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII)
                            .replace("\0", "").trim(), 8);
                    byte[] content = in.readNBytes((int) size);
                    in.skipNBytes((512 - size % 512) % 512);
                    files.put(name, content);
                }
            }
            return files;
        }
    }
}
