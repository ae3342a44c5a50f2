package io.eventsync.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits for a readiness endpoint to answer 200. A started Spring context is not yet a gateway that
 * accepts events: its readiness group also waits for Kafka and the read model, and the banner must
 * not invite anyone to post before that.
 */
public final class Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private Readiness() {
    }

    public static void await(URI probe, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + probe, e);
            }
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException(probe + " did not report ready within " + timeout + "; last: " + last);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for readiness", e);
        }
    }
}
