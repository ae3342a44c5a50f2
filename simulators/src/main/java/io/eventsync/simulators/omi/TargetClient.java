package io.eventsync.simulators.omi;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * OMi's HTTP side towards a connected server: POSTs one document under the base URL with the
 * connected server's name and password (HTTP Basic), and hands back whatever came, or that nothing
 * did.
 */
final class TargetClient {

    /** What the target answered; {@code status} 0 when nothing came (refused, reset, timed out). */
    record Answer(int status, String contentType, byte[] body, Duration retryAfter, String failure) {

        static Answer none(String why) {
            return new Answer(0, "", new byte[0], null, why);
        }

        boolean answered() {
            return status != 0;
        }

        boolean isXml() {
            return contentType.contains("xml");
        }
    }

    private final HttpClient http;
    private final String base;
    private final String authorization;
    private final Duration timeout;

    TargetClient(ForwardingSettings settings) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String url = settings.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.connectedServer() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        this.timeout = settings.requestTimeout();
    }

    /** {@code <base>/event}: one event or a list. */
    Answer postEvents(byte[] body, String contentType) {
        return post("/event", body, contentType);
    }

    /** {@code <base>/event_change/<external id>}: one change. */
    Answer postChange(String externalId, byte[] body, String contentType) {
        return post("/event_change/" + URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20"),
                body, contentType);
    }

    /** {@code <base>/event_change/}: a list of changes. */
    Answer postChanges(byte[] body, String contentType) {
        return post("/event_change/", body, contentType);
    }

    private Answer post(String path, byte[] body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .header("Accept", contentType.startsWith("application/json") ? "application/json" : "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), retryAfter(response.headers().firstValue("Retry-After")), null);
        } catch (IOException e) {
            return Answer.none(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.none("interrupted");
        }
    }

    private static Duration retryAfter(Optional<String> header) {
        try {
            return header.map(String::trim).map(Long::parseLong).map(Duration::ofSeconds).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
