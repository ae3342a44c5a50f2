package io.eventsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's run command end to end: the packaged sandbox jar started as a newcomer starts it, the
 * samples forwarded by the documented script, and the process ended by SIGTERM.
 */
class SandboxIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void samplesArriveOnTheTopicAndSigtermStopsEverythingCleanly() throws Exception {
        int kafkaPort = SandboxProcess.freePort();
        int gatewayPort = SandboxProcess.freePort();
        Map<String, String> ports = Map.of("KAFKA_PORT", Integer.toString(kafkaPort),
                "GATEWAY_PORT", Integer.toString(gatewayPort));

        try (SandboxProcess sandbox = SandboxProcess.start(ports)) {
            assertThat(sandbox.awaitReady(START_TIMEOUT)).as(sandbox.output()).isTrue();
            assertThat(sandbox.output())
                    .contains("http://localhost:" + gatewayPort + "/opr")
                    .contains("localhost:" + kafkaPort)
                    .contains("omi / omi-sandbox")
                    .contains(Sandbox.TOPIC);

            ScriptRun script = runSampleScript(Map.of(
                    "GATEWAY_PORT", Integer.toString(gatewayPort),
                    "KAFKA_PORT", Integer.toString(kafkaPort),
                    "SANDBOX_JAR", SandboxProcess.JAR.toAbsolutePath().toString()));
            assertThat(script.exitCode()).as(script.output()).isZero();
            // One XML event, a change to it, and a JSON bulk of two: four records, the first two
            // under the same key, each with its envelope headers.
            assertThat(script.output())
                    .contains("4 record(s) on " + Sandbox.TOPIC)
                    .contains("eventsync-kind: event_change")
                    .contains("eventsync-connected-server: omi")
                    .contains("key=4b3e7e0a-5d0c-71e4-0c5b-0a1e2f3b4c5d");

            assertThat(sandbox.terminate(STOP_TIMEOUT)).as(sandbox.output()).isZero();
            assertThat(sandbox.output()).contains("Sandbox stopped").doesNotContain(" ERROR ");
        }
        assertThat(SandboxProcess.portIsFree(gatewayPort)).as("gateway port released").isTrue();
        assertThat(SandboxProcess.portIsFree(kafkaPort)).as("Kafka port released").isTrue();
    }

    @Test
    void chosenCredentialsAreTheOnlyOnesAcceptedAndAreNeverPrinted() throws Exception {
        int gatewayPort = SandboxProcess.freePort();
        String password = "a-chosen-secret-" + System.nanoTime();
        Map<String, String> environment = Map.of(
                "KAFKA_PORT", Integer.toString(SandboxProcess.freePort()),
                "GATEWAY_PORT", Integer.toString(gatewayPort),
                "OMI_CONNECTED_SERVER_NAME", "omi-prod",
                "OMI_CONNECTED_SERVER_PASSWORD", password);

        try (SandboxProcess sandbox = SandboxProcess.start(environment)) {
            assertThat(sandbox.awaitReady(START_TIMEOUT)).as(sandbox.output()).isTrue();
            byte[] event = Files.readAllBytes(Path.of("samples", "event.json"));
            URI uri = URI.create("http://localhost:" + gatewayPort + "/opr/event");

            assertThat(post(uri, "omi-prod", password, event)).isEqualTo(200);
            assertThat(post(uri, SandboxSettings.DEFAULT_CONNECTED_SERVER_NAME,
                    SandboxSettings.DEFAULT_CONNECTED_SERVER_PASSWORD, event)).isEqualTo(401);

            assertThat(sandbox.terminate(STOP_TIMEOUT)).isZero();
            assertThat(sandbox.output()).contains("omi-prod").doesNotContain(password);
        }
    }

    @Test
    void aSettingThatIsNotAPortStopsTheStartWithItsName() throws Exception {
        try (SandboxProcess sandbox = SandboxProcess.start(Map.of("KAFKA_PORT", "ninety-ninety-two"))) {
            assertThat(sandbox.awaitExit(START_TIMEOUT)).isEqualTo(1);
            assertThat(sandbox.output()).contains("KAFKA_PORT must be a port number");
        }
    }

    private static int post(URI uri, String user, String password, byte[] body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static ScriptRun runSampleScript(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "samples/forward-sample.sh").redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(output);
        } catch (IOException e) {
            output.writeBytes(("[output unreadable: " + e + "]").getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new ScriptRun(-1, output.toString(StandardCharsets.UTF_8));
        }
        return new ScriptRun(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }

    private record ScriptRun(int exitCode, String output) {
    }
}
