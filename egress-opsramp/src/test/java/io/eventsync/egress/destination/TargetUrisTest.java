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

    @Test
    void aTextWithAnotherSchemeIsNeverReadAsAHost() {
        assertThat(TargetUris.parse("file:/etc/passwd")).as("not https://file:/etc/passwd, host file").isEmpty();
        assertThat(TargetUris.parse("jar:file:/tmp/a.jar!/")).isEmpty();
        assertThat(TargetUris.scheme("file:/etc/passwd")).contains("file");
        assertThat(TargetUris.scheme("FILE:///etc/passwd")).contains("FILE");
        assertThat(TargetUris.parse("gopher://127.0.0.1:6379/_x")).hasValueSatisfying(uri ->
                assertThat(uri.getScheme()).isEqualTo("gopher"));
    }

    @Test
    void aHostAndPortIsNotAScheme() {
        assertThat(TargetUris.scheme("localhost:8082/actuator")).isEmpty();
        assertThat(TargetUris.parse("localhost:8082/actuator")).contains(URI.create("https://localhost:8082/actuator"));
        assertThat(TargetUris.parse("example.com:8443")).contains(URI.create("https://example.com:8443"));
        assertThat(TargetUris.scheme("http://example.com/")).contains("http");
    }

    @Test
    void aNetworkPathIsNeitherAPathNorAUrl() {
        for (String endpoint : new String[] {"//127.0.0.1:8082/actuator", " //[::1]/", "//169.254.169.254/"}) {
            assertThat(TargetUris.isPath(endpoint)).as(endpoint).isFalse();
            assertThat(TargetUris.isNetworkPath(endpoint)).as(endpoint).isTrue();
            assertThat(TargetUris.parse(endpoint)).as(endpoint).isEmpty();
            assertThat(TargetUris.resolve(endpoint, "https://example.api.opsramp.com")).as(endpoint).isEmpty();
        }
    }

    @Test
    void aPathEndpointStaysOnTheBasesHostOrResolvesToNothing() {
        assertThat(TargetUris.resolve("/a?b=1", "https://example.com/opr"))
                .contains(URI.create("https://example.com/opr/a?b=1"));
        assertThat(TargetUris.resolve("/\\127.0.0.1/", "https://example.com")).isEmpty();
        assertThat(TargetUris.isValidPath("/alerts?x=1")).isTrue();
        assertThat(TargetUris.isValidPath("/a b")).isFalse();
        assertThat(TargetUris.isValidPath("/\\127.0.0.1/")).isFalse();
    }
}
