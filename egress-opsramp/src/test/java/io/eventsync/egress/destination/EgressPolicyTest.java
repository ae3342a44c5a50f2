package io.eventsync.egress.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EgressPolicyTest {

    private final EgressPolicy open = EgressPolicy.open();
    private final EgressPolicy allowingEverything = new EgressPolicy(List.of("169.254.169.254", "metadata.google.internal",
            "fe80::1", "[fd00:ec2::254]", "fd00:ec2::254", "127.0.0.1", "localhost", "10.0.0.5"));

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/computeMetadata/v1/",
            "http://[fe80::1]/", "http://[fd00:ec2::254]/latest/meta-data/", "http://169.254.10.10:8080/"})
    void metadataAndLinkLocalAreNeverATargetEvenAllowlisted(String target) {
        assertThat(open.refusalOf(URI.create(target))).isPresent();
        assertThat(allowingEverything.refusalOf(URI.create(target))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8091/", "http://localhost/", "http://10.0.0.5/", "http://192.168.1.1/",
            "http://172.16.0.1/", "http://[::1]/", "http://0.0.0.0/", "http://[fc00::1]/"})
    void loopbackAndPrivateNeedTheAllowlist(String target) {
        assertThat(open.refusalOf(URI.create(target))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8091/", "http://localhost:8091/x", "http://10.0.0.5/"})
    void allowlistedInternalTargetsPass(String target) {
        EgressPolicy policy = new EgressPolicy(List.of("127.0.0.1:8091", "localhost", "10.0.0.5"));
        assertThat(policy.refusalOf(URI.create(target))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.opsramp.com/api/v2/tenants/x/alerts", "http://93.184.216.34/"})
    void publicTargetsPassWithoutAnAllowlistButNotBesideOne(String target) {
        assertThat(open.refusalOf(URI.create(target))).isEmpty();
        EgressPolicy allowlisting = new EgressPolicy(List.of("receiver.example.com"));
        assertThat(allowlisting.refusalOf(URI.create(target))).isPresent();
        assertThat(allowlisting.definitionRefusalOf(URI.create(target))).as("defined, but never called").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/", "http://127.0.0.1:9999/", "http://localhost/"})
    void whatCanNeverBeRightIsRefusedWhenARouteIsDefined(String target) {
        assertThat(new EgressPolicy(List.of("receiver.example.com")).definitionRefusalOf(URI.create(target)))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "file:///etc/passwd", "gopher://example.com/"})
    void onlyHttpAndHttps(String target) {
        assertThat(open.refusalOf(URI.create(target))).isPresent();
    }
}
