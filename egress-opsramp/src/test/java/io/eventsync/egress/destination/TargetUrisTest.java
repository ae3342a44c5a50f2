package io.eventsync.egress.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TargetUrisTest {

    @Test
    void aUrlWithoutASchemeIsHttpsAsInTheSeedsSamples() {
        assertThat(TargetUris.parse("www.google.com/update")).contains(URI.create("https://www.google.com/update"));
        assertThat(TargetUris.parse("http://localhost:8091/opr")).contains(URI.create("http://localhost:8091/opr"));
        assertThat(TargetUris.parse("")).isEmpty();
        assertThat(TargetUris.parse("https://")).isEmpty();
    }

    @Test
    void aPathEndpointIsRelativeToTheNotifiersBase() {
        assertThat(TargetUris.resolve("/event", "http://localhost:8091/opr"))
                .contains(URI.create("http://localhost:8091/opr/event"));
        assertThat(TargetUris.resolve("/alerts", "http://localhost:8091/"))
                .contains(URI.create("http://localhost:8091/alerts"));
        assertThat(TargetUris.resolve("/alerts", "api.example.com")).contains(URI.create("https://api.example.com/alerts"));
        assertThat(TargetUris.resolve(null, "http://localhost:8091")).contains(URI.create("http://localhost:8091"));
        assertThat(TargetUris.resolve("www.google.com/update", "ignored.example.com"))
                .contains(URI.create("https://www.google.com/update"));
        assertThat(TargetUris.resolve("/alerts", null)).isEmpty();
    }
}
