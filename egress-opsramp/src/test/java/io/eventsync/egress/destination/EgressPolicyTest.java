package io.eventsync.egress.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost./", "http://LOCALHOST./x",
            "http://metadata.google.internal./computeMetadata/v1/", "http://instance-data./latest/"})
    void oneTrailingDotNamesTheSameHostAndIsJudgedAsIt(String target) {
        assertThat(open.definitionRefusalOf(URI.create(target))).isPresent();
        assertThat(open.refusalOf(URI.create(target))).isPresent();
    }

    @Test
    void anAllowlistedHostIsAllowedWithItsTrailingDotToo() {
        EgressPolicy policy = new EgressPolicy(List.of("localhost:8091", "receiver.example.com."));
        assertThat(policy.refusalOf(URI.create("http://localhost.:8091/"))).isEmpty();
        assertThat(policy.refusalOf(URI.create("https://receiver.example.com/"))).isEmpty();
    }

    @Test
    void anIpv6ZoneIdIsNeverATarget() {
        assertThat(allowingEverything.definitionRefusalOf(URI.create("http://[fe80::1%25eth0]/")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("zone id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0x7f000001/", "http://017700000001/", "http://0177.0.0.1/", "http://2130706433/",
            "http://0/", "http://127.000.000.001/", "http://0x5db8d822/", "http://2852039166/"})
    void aHostEndingInANumberThatIsNotADottedQuadIsRefusedAsAmbiguousEvenWhenPublic(String target) {
        assertThat(open.definitionRefusalOf(URI.create(target)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("four decimal numbers"));
    }

    @Test
    void theRefusalSaysWhatInetAtonWouldConnectTo() {
        assertThat(open.definitionRefusalOf(URI.create("http://0x7f000001/")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("127.0.0.1"));
        assertThat(open.definitionRefusalOf(URI.create("http://0177.0.0.1/")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("127.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/",
            "http://[::ffff:7f00:1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[::a00:1]/"})
    void anIpv6AddressCarryingAnInternalIpv4OneIsJudgedAsThatAddress(String target) {
        assertThat(open.refusalOf(URI.create(target))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0.1.2.3/", "http://100.64.0.1/", "http://100.127.255.254/"})
    void thisNetworkAndCarrierGradeNatAreNotPublic(String target) {
        assertThat(open.refusalOf(URI.create(target))).isPresent();
        assertThat(open.refusalOf(URI.create("http://100.128.0.1/"))).isEmpty();
    }

    @Test
    void anAddressAboutToBeConnectedToIsJudgedWithTheHostAndPortItIsFor() throws Exception {
        EgressPolicy policy = new EgressPolicy(List.of("localhost:8091", "receiver.example.com"));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(policy.refusalOf(loopback, "localhost", 8091)).isEmpty();
        assertThat(policy.refusalOf(loopback, "localhost", 8082)).isPresent();
        assertThat(policy.refusalOf(loopback, "rebinding.example.com", 443))
                .as("a public name that resolves to loopback").isPresent();
        assertThat(policy.refusalOf(InetAddress.getByName("93.184.216.34"), "receiver.example.com", 443)).isEmpty();
        assertThat(policy.refusalOf(InetAddress.getByName("93.184.216.34"), "other.example.com", 443)).isPresent();
    }
}
