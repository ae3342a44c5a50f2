package io.eventsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsync.testkit.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The simulators alone, as docker-compose.yml starts them from the packaged jar: all three answer,
 * on the address they are told to bind, and SIGTERM ends them with status 0 and frees their ports.
 */
class SimulatorsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theThreeSimulatorsStartFromTheJarAnswerAndStopOnSigterm() throws Exception {
        int ofsc = SandboxProcess.freePort();
        int receiver = SandboxProcess.freePort();
        int omi = SandboxProcess.freePort();
        Path log = Files.createTempFile("simulators-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Deventsync.sim.bind-address=127.0.0.1", "-cp", SandboxProcess.JAR.toString(),
                "-Dloader.main=" + Simulators.class.getName(), "org.springframework.boot.loader.launch.PropertiesLauncher")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(java.util.Map.of("OFSC_SIM_PORT", Integer.toString(ofsc),
                "RECEIVER_PORT", Integer.toString(receiver), "OMI_SIM_PORT", Integer.toString(omi)));
        Process process = builder.start();
        try {
            Await.until(() -> Files.exists(log) && read(log).contains("Simulators ready"), WAIT, "the simulators");
            assertThat(status("http://127.0.0.1:" + receiver + "/sim/status")).isEqualTo(200);
            assertThat(status("http://127.0.0.1:" + omi + "/sim/events")).isEqualTo(200);
            assertThat(status("http://127.0.0.1:" + ofsc + "/rest/ofscCore/v1/events/subscriptions"))
                    .as("OFSC answers, asking for credentials").isEqualTo(401);

            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(read(log)).isZero();
            for (int port : List.of(ofsc, receiver, omi)) {
                assertThat(SandboxProcess.portIsFree(port)).as("port " + port + " released").isTrue();
            }
        } finally {
            process.destroyForcibly();
        }
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
