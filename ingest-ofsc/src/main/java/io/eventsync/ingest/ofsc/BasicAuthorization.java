package io.eventsync.ingest.ofsc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import reactor.core.publisher.Mono;

/** OFSC's Basic scheme: {@code base64(clientId@instance:secret)}. */
final class BasicAuthorization implements OfscAuthorization {

    private final String header;

    BasicAuthorization(String qualifiedClientId, String secret) {
        this.header = "Basic " + Base64.getEncoder()
                .encodeToString((qualifiedClientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Mono<String> header() {
        return Mono.just(header);
    }

    @Override
    public void invalidate() {
        // Nothing cached: a wrong secret stays wrong.
    }

    @Override
    public boolean canRefresh() {
        return false;
    }

    @Override
    public String toString() {
        return "BasicAuthorization[******]";
    }
}
