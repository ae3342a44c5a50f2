package io.eventsync.sandbox.omi;

import io.eventsync.contracts.opr.OprDocument;
import io.eventsync.contracts.opr.codec.OprCodec;
import io.eventsync.contracts.opr.codec.OprFormat;
import io.eventsync.contracts.opr.codec.OprPayloadException;
import io.eventsync.sandbox.receiver.Credentials;
import io.eventsync.sandbox.receiver.OprWire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The OPR client's HTTP side: posts one XML document to a path under the connected server's base URL with
 * the connected server's Basic credentials, the way OMi forwards (seed 000), and reads the answer in
 * whichever format it came.
 */
final class GatewayClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Longer than the gateway's own publish deadline, so its answer, not this, decides a slow request. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final OprCodec codec;
    private final String base;
    private final String authorization;

    GatewayClient(URI gatewayUrl, Credentials credentials, OprCodec codec) {
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.codec = codec;
        String url = gatewayUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (credentials.name() + ":" + credentials.secret()).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code <base>/event}. */
    OprDocument postEvents(OprDocument events, String contentType) {
        return post("/event", events, contentType, OprCodec.Expect.EVENTS);
    }

    /** {@code <base>/event_change/<external id>}. */
    OprDocument postChange(String externalId, OprDocument change) {
        return post("/event_change/" + URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20"),
                change, OprFormat.XML.mediaType(), OprCodec.Expect.EVENT_CHANGES);
    }

    private OprDocument post(String path, OprDocument document, String contentType, OprCodec.Expect expect) {
        URI uri = URI.create(base + path);
        String described = "POST " + uri;
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .header("Accept", OprFormat.XML.mediaType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(codec.write(document, OprFormat.XML)))
                .build();
        HttpResponse<byte[]> response = send(request, described);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() / 100 != 2) {
            throw new OmiForwardingException(described, response.statusCode(), text, "the gateway refused it");
        }
        OprFormat format = response.headers().firstValue("Content-Type").map(OprWire::formatOf)
                .orElseGet(() -> OprWire.sniff(response.body()));
        try {
            return codec.read(response.body(), format, expect);
        } catch (OprPayloadException e) {
            throw new OmiForwardingException(described, response.statusCode(), text,
                    "the answer is no OPR document (" + e.getMessage() + ")");
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, String described) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(described + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(described + " was interrupted", e);
        }
    }
}
